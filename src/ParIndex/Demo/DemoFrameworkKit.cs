using ParIndex.Core.Frameworks;

namespace ParIndex.Demo;

/// <summary>Which kind of assessed unit a framework is written for.</summary>
internal enum DemoProfile
{
    Department,
    District,
    Ward,
}

/// <summary>What a field builder needs to know: the year, the kind of unit and the lead agencies.</summary>
internal sealed record DemoFieldContext(int Year, DemoProfile Profile, IReadOnlyDictionary<int, string> Leads)
{
    public bool Department => Profile == DemoProfile.Department;
    public bool District => Profile == DemoProfile.District;
    public bool Ward => Profile == DemoProfile.Ward;

    /// <summary>The 2024 revision of the 2023 criteria (kept in 2025).</summary>
    public bool Revised => Year >= 2024;

    /// <summary>After the 1 July 2025 reorganisation.</summary>
    public bool PostReform => Year >= 2025;

    /// <summary>Who appraises public investment and socio-economic targets.</summary>
    public string PlanningAgency => PostReform ? "STC" : "SKHDT";

    /// <summary>Who appraises the digital-government leaves.</summary>
    public string DigitalAgency => PostReform ? "SKHCN" : "STTTT";

    /// <summary>"cơ quan", "quận, huyện" or "phường, xã" for titles that name the assessed unit.</summary>
    public string UnitWordVi => Profile switch
    {
        DemoProfile.Department => "cơ quan",
        DemoProfile.District => "quận, huyện",
        _ => "phường, xã",
    };
}

/// <summary>
/// Small builders for framework nodes. Nodes are built with a stable key in place of their code
/// (e.g. "f3.dossier.ontime"); <see cref="DemoFrameworks"/> numbers them afterwards and uses the keys to
/// write the crosswalk between years.
/// </summary>
internal static class Kit
{
    public static FrameworkNode Group(string key, decimal max, string vi, string en, params FrameworkNode?[] children)
    {
        var list = children.OfType<FrameworkNode>().ToArray();
        var sum = list.Where(c => c.Kind is NodeKind.Group or NodeKind.Leaf).Sum(c => c.MaxPoints);
        if (sum != max)
            throw new InvalidOperationException($"Demo framework: the children of '{key}' sum to {sum}, not {max}.");
        return new FrameworkNode { Code = key, TitleVi = vi, TitleEn = en, MaxPoints = max, Children = list };
    }

    public static FrameworkNode Manual(string key, decimal max, string vi, string en, decimal? step = null) =>
        Leaf(key, max, vi, en, new ManualMethod { Step = step }, evidence: true);

    /// <summary>A rubric whose maximum is its best level.</summary>
    public static FrameworkNode Rubric(string key, string vi, string en, params RubricLevel[] levels)
    {
        var coded = levels.Select((l, i) => l with { Code = ((char)('A' + i)).ToString() }).ToArray();
        return Leaf(key, coded.Max(l => l.Points), vi, en, new RubricMethod { Levels = coded }, evidence: true);
    }

    public static RubricLevel L(decimal points, string vi, string en) => new() { Code = "", LabelVi = vi, LabelEn = en, Points = points };

    /// <summary>Three levels: fully / partly / not done.</summary>
    public static FrameworkNode Rubric3(string key, decimal max, string vi, string en,
        string fullVi, string fullEn, string partVi, string partEn, string noneVi, string noneEn) =>
        Rubric(key, vi, en, L(max, fullVi, fullEn), L(max / 2, partVi, partEn), L(0, noneVi, noneEn));

    public static FrameworkNode Ratio(string key, decimal max, string vi, string en, PointsRule rule, string numeratorVi, string denominatorVi) =>
        Leaf(key, max, vi, en, new RatioMethod { Rule = rule, NumeratorLabelVi = numeratorVi, DenominatorLabelVi = denominatorVi }, evidence: true);

    public static FrameworkNode Metric(string key, decimal max, string vi, string en, string metric, PointsRule rule) =>
        Leaf(key, max, vi, en, new MetricMethod { Metric = metric, Rule = rule }, evidence: false);

    public static FrameworkNode Survey(string key, decimal max, string vi, string en, string survey) =>
        Leaf(key, max, vi, en, new SurveyMethod { Survey = survey }, evidence: false);

    public static PointsRule Proportional { get; } = new() { Mode = PointsMode.Proportional };

    public static PointsRule Threshold(decimal threshold) => new() { Mode = PointsMode.Threshold, Threshold = threshold };

    public static PointsRule Brackets(params Bracket[] brackets) => new() { Mode = PointsMode.Brackets, Brackets = brackets };

    public static Bracket B(decimal? from, decimal? to, decimal points) => new() { From = from, To = to, Points = points };

    /// <summary>The usual plan-completion scale: 100 % → max; 80 % to under 100 % → half; under 80 % → 0.</summary>
    public static PointsRule PlanScale(decimal max) => Brackets(B(100, null, max), B(80, 100, max / 2), B(null, 80, 0));

    public static FrameworkNode Basis(this FrameworkNode node, string legalBasis) => node with { LegalBasis = legalBasis };

    public static FrameworkNode Na(this FrameworkNode node, NotApplicablePolicy policy) => node with { NotApplicable = policy };

    public static FrameworkNode Guide(this FrameworkNode node, string vi, string en) => node with { GuidanceVi = vi, GuidanceEn = en };

    public static FrameworkNode Lead(this FrameworkNode node, string unitCode) => node with { LeadAgencyCode = unitCode };

    public static FrameworkNode NoEvidence(this FrameworkNode node) => node with { EvidenceRequired = false };

    private static FrameworkNode Leaf(string key, decimal max, string vi, string en, ScoringMethod method, bool evidence) =>
        new() { Code = key, TitleVi = vi, TitleEn = en, Kind = NodeKind.Leaf, MaxPoints = max, Method = method, EvidenceRequired = evidence };
}
