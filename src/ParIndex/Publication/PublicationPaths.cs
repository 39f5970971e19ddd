namespace ParIndex.Publication;

/// <summary>The addresses of the publication pages.</summary>
public static class PublicationPaths
{
    /// <summary>The public corrections log.</summary>
    public const string Corrections = "/ket-qua/dinh-chinh";

    public static string Admin(int year, string block) => $"/quan-tri/cong-bo/{year}/{Uri.EscapeDataString(block)}";

    public static string CorrectionAnchor(CorrectionView correction) => $"dinh-chinh-{correction.Year}-{correction.BlockCode}-v{correction.ToVersion}";
}
