namespace ParIndex.Evidence;

/// <summary>Settings of evidence files, section <c>Evidence</c> of the configuration.</summary>
public sealed class EvidenceOptions
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>The largest file accepted, in bytes (<c>Evidence:MaxBytes</c>, default 20 MB), enforced while the upload streams in.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>Where files are kept (<c>Evidence:Folder</c>); default <c>&lt;data folder&gt;/evidence</c>.</summary>
    public string? Folder { get; set; }

    /// <summary>What one upload request may carry beyond the file itself: the metadata fields and multipart framing.</summary>
    public const long RequestOverheadBytes = 1024 * 1024;
}
