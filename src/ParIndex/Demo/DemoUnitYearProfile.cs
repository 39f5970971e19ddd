namespace ParIndex.Demo;

/// <summary>
/// What the demo assumes about one unit in one year: its latent quality (0–1) and the dossier, survey
/// and counter figures its metric and survey leaves are fed with. The dossier and survey seeders can
/// generate raw data that reproduces these rates, so the scores explain themselves.
/// </summary>
public sealed record DemoUnitYearProfile
{
    public required string UnitCode { get; init; }
    public required int Year { get; init; }

    /// <summary>Latent quality, roughly the share of the maximum the unit earns.</summary>
    public required decimal Quality { get; init; }

    /// <summary>The period the figures cover, e.g. "01/01–31/12/2024" (new wards of 2025: from 01/7).</summary>
    public required string PeriodVi { get; init; }
    public required DateOnly PeriodStart { get; init; }
    public required DateOnly PeriodEnd { get; init; }

    public required int Dossiers { get; init; }
    public required int CounterRatings { get; init; }
    public required int SipasRespondents { get; init; }
    public required int SociologicalRespondents { get; init; }

    /// <summary>Values by metric or survey name (percentages, or working days for dossiers.avg_processing_days).</summary>
    public required IReadOnlyDictionary<string, decimal> Values { get; init; }

    /// <summary>Where a metric or survey value comes from, for the score explainer.</summary>
    public required IReadOnlyDictionary<string, string> Sources { get; init; }
}
