namespace ParIndex.Dossiers;

/// <summary>Settings of the dossier feature, section <c>Dossiers</c> of the configuration.</summary>
public sealed class DossierOptions
{
    /// <summary>
    /// The licence PDFsharp runs under. Since 6.5.0 PDFsharp must be told in code: <c>AGPL</c> (the free AGPL-3.0
    /// licence, whose network clause then applies to the deployment) or a commercial licence key. Left empty, PDF slips
    /// are switched off and the DOCX slip is offered alone (docs/dossiers.md §5). Environment:
    /// <c>Dossiers__PdfSharpLicense=AGPL</c>.
    /// </summary>
    public string? PdfSharpLicense { get; set; }

    /// <summary>Public look-ups per client address and minute.</summary>
    public int LookupPermitsPerMinute { get; set; } = 20;

    private static readonly Lock Gate = new();
    private static string? loaded;

    /// <summary>Loads the configured PDFsharp licence once per process; false when none is configured or it is not valid.</summary>
    public bool EnsurePdfLicence()
    {
        if (string.IsNullOrWhiteSpace(PdfSharpLicense))
            return false;
        lock (Gate)
        {
            if (loaded == PdfSharpLicense)
                return true;
            try
            {
                if (PdfSharpLicense.Trim().Equals("AGPL", StringComparison.OrdinalIgnoreCase))
                    PdfSharp.PdfSharpLicense.SetAgplLicense();
                else
                    PdfSharp.PdfSharpLicense.LoadLicense(PdfSharpLicense.Trim());
            }
            catch (Exception exception) when (exception.GetType().Name.Contains("License", StringComparison.Ordinal) || exception is FormatException or ArgumentException)
            {
                return false;
            }
            loaded = PdfSharpLicense;
            return true;
        }
    }
}
