using PdfSharp.Fonts;

namespace ParIndex.Dossiers;

/// <summary>
/// Fonts for PDFsharp: DejaVu Sans, which covers Vietnamese (precomposed letters such as ế, ữ, ặ and the đ), read
/// from the operating system at run time — Debian's <c>fonts-dejavu-core</c> package installs
/// /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf. No font file is committed. <c>PARINDEX_FONT_DIR</c> names
/// another folder holding DejaVuSans.ttf and DejaVuSans-Bold.ttf.
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Folders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
        "/Library/Fonts",
    ];

    private static readonly Lazy<DejaVuFonts?> Instance = new(Create);
    private readonly string regular;
    private readonly string bold;

    private DejaVuFonts(string regular, string bold)
    {
        this.regular = regular;
        this.bold = bold;
    }

    /// <summary>The resolver, registered with PDFsharp on first use; null when DejaVu Sans is not installed.</summary>
    public static DejaVuFonts? Installed => Instance.Value;

    /// <summary>Where the regular face was found, for the operations page and error messages.</summary>
    public string RegularPath => regular;

    private static DejaVuFonts? Create()
    {
        var folders = Environment.GetEnvironmentVariable("PARINDEX_FONT_DIR") is { Length: > 0 } custom ? [custom, .. Folders] : Folders;
        foreach (var folder in folders)
        {
            var regular = Path.Combine(folder, "DejaVuSans.ttf");
            if (!File.Exists(regular))
                continue;
            var bold = Path.Combine(folder, "DejaVuSans-Bold.ttf");
            var fonts = new DejaVuFonts(regular, File.Exists(bold) ? bold : regular);
            // PDFsharp takes one resolver (and one fallback) per process; keep one that another feature set.
            if (GlobalFontSettings.FontResolver is null)
                GlobalFontSettings.FontResolver = fonts;
            else if (GlobalFontSettings.FallbackFontResolver is null)
                GlobalFontSettings.FallbackFontResolver = fonts;
            return fonts;
        }
        return null;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        familyName.Equals(Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(isBold ? "dejavu-bold" : "dejavu-regular", false, isItalic)
            : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        "dejavu-bold" => File.ReadAllBytes(bold),
        "dejavu-regular" => File.ReadAllBytes(regular),
        _ => null,
    };
}
