namespace ParIndex.Core.Frameworks;

public enum MetricUnit
{
    /// <summary>A share or rate, 0–100.</summary>
    Percent,
    /// <summary>A duration in (working) days.</summary>
    Days,
    /// <summary>A number of things (dossiers, letters, …).</summary>
    Count,
    /// <summary>A score on its own 0–100 point scale (e.g. the 766 index).</summary>
    Points,
}

/// <summary>Which scoring method may reference a name.</summary>
public enum MetricKind
{
    /// <summary>Computed from operational data; referenced by <see cref="MetricMethod.Metric"/>.</summary>
    Metric,
    /// <summary>A survey result (a satisfaction share in %); referenced by <see cref="SurveyMethod.Survey"/>.</summary>
    Survey,
}

/// <summary>A data-fed name a framework may reference, with what it means and its unit.</summary>
public sealed record MetricInfo
{
    public required string Name { get; init; }
    public required MetricKind Kind { get; init; }
    public required MetricUnit Unit { get; init; }
    public required string DescriptionVi { get; init; }
    public required string DescriptionEn { get; init; }

    /// <summary>
    /// False for values where less is better (late share, processing days). Proportional and threshold
    /// scoring reward larger values, so such metrics can only be scored by brackets.
    /// </summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>True when the value lives on a 0–100 scale, which proportional and threshold scoring assume.</summary>
    public bool IsOnHundredScale => Unit is MetricUnit.Percent or MetricUnit.Points;

    public string Description(Language language) => language == Language.En ? DescriptionEn : DescriptionVi;
}

/// <summary>
/// The names frameworks may reference in metric and survey methods. A later feature that feeds a new
/// value adds one line to <see cref="DefaultEntries"/> (and a constant to <see cref="MetricNames"/>);
/// a deployment with extra local data can extend the default with <see cref="With"/>.
/// </summary>
public sealed class MetricCatalog
{
    // The typical eight fields of a provincial framework; sociological.fieldN follows this numbering.
    // Declared before Default because static initialisers run in textual order.
    private static readonly (string Vi, string En)[] SociologicalFields =
    [
        ("chỉ đạo, điều hành cải cách hành chính", "direction of administrative reform"),
        ("cải cách thể chế", "institutional reform"),
        ("cải cách thủ tục hành chính", "administrative procedure reform"),
        ("cải cách tổ chức bộ máy", "organisational reform"),
        ("cải cách chế độ công vụ", "civil service reform"),
        ("cải cách tài chính công", "public finance reform"),
        ("xây dựng chính quyền điện tử, chính quyền số", "e-government and digital government"),
        ("tác động của cải cách hành chính", "impact of administrative reform"),
    ];

    private readonly Dictionary<string, MetricInfo> _byName;

    public MetricCatalog(IEnumerable<MetricInfo> entries)
    {
        All = [.. entries];
        _byName = new Dictionary<string, MetricInfo>(StringComparer.Ordinal);
        foreach (var entry in All)
            if (!_byName.TryAdd(entry.Name, entry))
                throw new ArgumentException($"The metric name '{entry.Name}' is listed twice.", nameof(entries));
    }

    public static MetricCatalog Default { get; } = new(DefaultEntries);

    public IReadOnlyList<MetricInfo> All { get; }

    public IEnumerable<MetricInfo> Metrics => All.Where(m => m.Kind == MetricKind.Metric);

    public IEnumerable<MetricInfo> Surveys => All.Where(m => m.Kind == MetricKind.Survey);

    public MetricInfo? Find(string name) => _byName.GetValueOrDefault(name);

    public bool IsMetric(string name) => Find(name)?.Kind == MetricKind.Metric;

    public bool IsSurvey(string name) => Find(name)?.Kind == MetricKind.Survey;

    /// <summary>A catalog with these entries added to this one's.</summary>
    public MetricCatalog With(params IEnumerable<MetricInfo> extra) => new(All.Concat(extra));

    private static IEnumerable<MetricInfo> DefaultEntries =>
    [
        // One-stop dossiers (§6 of the domain notes). Shares are of the dossiers the unit settled in the period.
        Metric(MetricNames.DossiersOnTimeRate, MetricUnit.Percent,
            "Tỷ lệ hồ sơ giải quyết đúng hạn", "Share of dossiers settled on time"),
        Metric(MetricNames.DossiersLateRate, MetricUnit.Percent,
            "Tỷ lệ hồ sơ giải quyết trễ hạn", "Share of dossiers settled late", higherIsBetter: false),
        Metric(MetricNames.DossiersApologyRate, MetricUnit.Percent,
            "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi (số văn bản xin lỗi ÷ số hồ sơ trễ hạn)",
            "Share of late dossiers with an apology letter (apologies issued ÷ late dossiers)"),
        Metric(MetricNames.DossiersOnlineShare, MetricUnit.Percent,
            "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "Share of dossiers filed online"),
        Metric(MetricNames.DossiersEndToEndOnlineShare, MetricUnit.Percent,
            "Tỷ lệ hồ sơ tiếp nhận qua dịch vụ công trực tuyến toàn trình",
            "Share of dossiers filed through end-to-end online services"),
        Metric(MetricNames.DossiersOnlinePaymentShare, MetricUnit.Percent,
            "Tỷ lệ hồ sơ thanh toán phí, lệ phí trực tuyến", "Share of dossiers whose fees were paid online"),
        Metric(MetricNames.DossiersDigitisedShare, MetricUnit.Percent,
            "Tỷ lệ hồ sơ được số hóa", "Share of dossiers digitised"),
        Metric(MetricNames.DossiersAvgProcessingDays, MetricUnit.Days,
            "Thời gian giải quyết hồ sơ trung bình (ngày làm việc)", "Average processing time (working days)",
            higherIsBetter: false),
        Metric(MetricNames.DossiersScore766, MetricUnit.Points,
            "Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp theo Quyết định 766/QĐ-TTg (thang 100 điểm)",
            "Service index score under Decision 766/QĐ-TTg (out of 100 points)"),
        Metric(MetricNames.ProceduresOnlineOfferedShare, MetricUnit.Percent,
            "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến",
            "Share of administrative procedures offered as online public services"),

        // SIPAS: share of satisfied answers, per element and overall (§5).
        Survey(MetricNames.SipasOverall, "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) chung", "SIPAS overall satisfaction"),
        Survey(MetricNames.SipasAccess, "SIPAS – tiếp cận dịch vụ", "SIPAS – access to the service"),
        Survey(MetricNames.SipasProcedure, "SIPAS – thủ tục hành chính", "SIPAS – the administrative procedure"),
        Survey(MetricNames.SipasCivilServant, "SIPAS – công chức giải quyết công việc", "SIPAS – the civil servant"),
        Survey(MetricNames.SipasResult, "SIPAS – kết quả giải quyết", "SIPAS – the result"),
        Survey(MetricNames.SipasFeedback, "SIPAS – tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
            "SIPAS – handling of feedback and petitions"),

        // Sociological survey of leaders, civil servants and deputies, overall and per field (§3, §4.5).
        Survey(MetricNames.SociologicalOverall, "Điều tra xã hội học – kết quả chung", "Sociological survey – overall"),
        .. SociologicalFields.Select((topic, i) => Survey(MetricNames.SociologicalField(i + 1),
            $"Điều tra xã hội học – lĩnh vực {i + 1}: {topic.Vi}", $"Sociological survey – field {i + 1}: {topic.En}")),

        // Counter rating devices (Circular 01/2018/TT-VPCP).
        Survey(MetricNames.CounterSatisfiedShare, "Tỷ lệ đánh giá hài lòng, rất hài lòng tại quầy tiếp nhận",
            "Share of counter ratings that are satisfied or very satisfied"),
    ];

    private static MetricInfo Metric(string name, MetricUnit unit, string vi, string en, bool higherIsBetter = true) =>
        new() { Name = name, Kind = MetricKind.Metric, Unit = unit, DescriptionVi = vi, DescriptionEn = en, HigherIsBetter = higherIsBetter };

    private static MetricInfo Survey(string name, string vi, string en) =>
        new() { Name = name, Kind = MetricKind.Survey, Unit = MetricUnit.Percent, DescriptionVi = vi, DescriptionEn = en };
}

/// <summary>The default catalog's names, so code that feeds or reads them cannot misspell them.</summary>
public static class MetricNames
{
    public const string DossiersOnTimeRate = "dossiers.on_time_rate";
    public const string DossiersLateRate = "dossiers.late_rate";
    public const string DossiersApologyRate = "dossiers.apology_rate";
    public const string DossiersOnlineShare = "dossiers.online_share";
    public const string DossiersEndToEndOnlineShare = "dossiers.end_to_end_online_share";
    public const string DossiersOnlinePaymentShare = "dossiers.online_payment_share";
    public const string DossiersDigitisedShare = "dossiers.digitised_share";
    public const string DossiersAvgProcessingDays = "dossiers.avg_processing_days";
    public const string DossiersScore766 = "dossiers.score_766";
    public const string ProceduresOnlineOfferedShare = "procedures.online_offered_share";

    public const string SipasOverall = "sipas.overall";
    public const string SipasAccess = "sipas.access";
    public const string SipasProcedure = "sipas.procedure";
    public const string SipasCivilServant = "sipas.civil_servant";
    public const string SipasResult = "sipas.result";
    public const string SipasFeedback = "sipas.feedback";

    public const string SociologicalOverall = "sociological.overall";
    public const string CounterSatisfiedShare = "counter.satisfied_share";

    /// <summary><c>sociological.field1</c> … <c>sociological.field8</c>.</summary>
    public static string SociologicalField(int field) =>
        field is >= 1 and <= 8 ? $"sociological.field{field}" : throw new ArgumentOutOfRangeException(nameof(field), field, "Fields are numbered 1 to 8.");
}
