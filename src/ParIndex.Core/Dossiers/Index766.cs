namespace ParIndex.Core.Dossiers;

/// <summary>The rates a 766 indicator can be computed from (see <see cref="DossierIndicators.Rate"/>).</summary>
public static class Index766Keys
{
    public const string ApologyRate = "apology_rate";
    public const string PromisedShare = "promised_share";
    public const string OnTimeRate = "on_time_rate";
    public const string DigitisedShare = "digitised_share";
    public const string ElectronicResultShare = "electronic_result_share";
    public const string ProceduresOnlineOfferedShare = "procedures_online_offered_share";
    public const string OnlineShare = "online_share";
    public const string EndToEndOnlineShare = "end_to_end_online_share";
    public const string OnlinePaymentShare = "online_payment_share";
    public const string SatisfactionRate = "satisfaction_rate";

    public static readonly string[] All =
    [
        ApologyRate, PromisedShare, OnTimeRate, DigitisedShare, ElectronicResultShare, ProceduresOnlineOfferedShare,
        OnlineShare, EndToEndOnlineShare, OnlinePaymentShare, SatisfactionRate,
    ];
}

/// <summary>A target-rate indicator: <see cref="MaxPoints"/> at or above <see cref="Threshold"/> %, else rate × max ÷ threshold.</summary>
public sealed record Index766Indicator(string Key, string NameVi, string NameEn, decimal MaxPoints, decimal Threshold);

/// <summary>A group of the 766 index, its maximum the sum of its indicators' maxima.</summary>
public sealed record Index766Group(string Key, string NameVi, string NameEn, decimal MaxPoints, IReadOnlyList<Index766Indicator> Indicators);

/// <summary>
/// How the 766 index is scored from one-stop data. The five groups and their maxima (18, 20, 22, 22, 18) and the
/// thresholds (80 % for procedures offered online, online payment and digitisation; 50 % for dossiers filed
/// online; 90 % for satisfaction with handling) are those of Decision 766/QĐ-TTg (DOMAIN.md §6). Which one-stop
/// rates stand for each group, and how a group's points are split between them, is a ParIndex default
/// (docs/dossiers.md §6): the national system also scores data ParIndex does not hold, such as the publication
/// of procedures and the reuse of data. A city can pass its own options.
/// </summary>
public sealed record Index766Options(IReadOnlyList<Index766Group> Groups)
{
    public static Index766Options Default { get; } = new(
    [
        new("transparency", "Công khai, minh bạch", "Transparency", 18,
        [
            new(Index766Keys.ApologyRate, "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi", "Late dossiers with an apology letter", 9, 100),
            new(Index766Keys.PromisedShare, "Tỷ lệ hồ sơ có ngày hẹn trả trên phiếu tiếp nhận", "Dossiers whose receipt states a return date", 9, 100),
        ]),
        new("timeliness", "Tiến độ, kết quả giải quyết", "Timeliness", 20,
        [
            new(Index766Keys.OnTimeRate, "Tỷ lệ hồ sơ giải quyết đúng hạn", "Dossiers settled on time", 20, 100),
        ]),
        new("digitisation", "Số hóa hồ sơ", "Digitisation", 22,
        [
            new(Index766Keys.DigitisedShare, "Tỷ lệ hồ sơ được số hóa", "Dossiers digitised", 11, 80),
            new(Index766Keys.ElectronicResultShare, "Tỷ lệ kết quả giải quyết được cấp bản điện tử", "Results issued electronically", 11, 80),
        ]),
        new("online", "Cung cấp dịch vụ trực tuyến và thanh toán trực tuyến", "Online services and payment", 22,
        [
            new(Index766Keys.ProceduresOnlineOfferedShare, "Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến", "Procedures offered online", 8, 80),
            new(Index766Keys.OnlineShare, "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "Dossiers filed online", 8, 50),
            new(Index766Keys.OnlinePaymentShare, "Tỷ lệ hồ sơ thanh toán trực tuyến", "Fees paid online", 6, 80),
        ]),
        new("satisfaction", "Mức độ hài lòng", "Satisfaction", 18,
        [
            new(Index766Keys.SatisfactionRate, "Mức độ hài lòng trong tiếp nhận, giải quyết (100 % − tỷ lệ trễ hạn − tỷ lệ không hài lòng)",
                "Satisfaction with handling (100 % − late share − share not satisfied)", 18, 90),
        ]),
    ]);

    /// <summary>Problems with the options: unknown keys, maxima that do not add up, thresholds outside (0, 100].</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var group in Groups)
        {
            if (group.Indicators.Sum(i => i.MaxPoints) != group.MaxPoints)
                problems.Add($"Group {group.Key}: its indicators' maxima add up to {group.Indicators.Sum(i => i.MaxPoints)}, not {group.MaxPoints}.");
            foreach (var indicator in group.Indicators)
            {
                if (!Index766Keys.All.Contains(indicator.Key))
                    problems.Add($"Group {group.Key}: unknown indicator '{indicator.Key}'.");
                if (indicator.Threshold is <= 0 or > 100)
                    problems.Add($"Group {group.Key}, {indicator.Key}: the threshold must be above 0 and at most 100.");
                if (indicator.MaxPoints < 0)
                    problems.Add($"Group {group.Key}, {indicator.Key}: a negative maximum.");
            }
        }
        return problems;
    }

    public decimal MaxPoints => Groups.Sum(g => g.MaxPoints);
}

public sealed record Index766IndicatorScore(Index766Indicator Indicator, decimal? Rate, decimal Points)
{
    /// <summary>The unit had nothing the rate could be computed on (e.g. no late dossier, no fee): full points.</summary>
    public bool NotApplicable => Rate is null;
}

public sealed record Index766GroupScore(Index766Group Group, IReadOnlyList<Index766IndicatorScore> Indicators)
{
    public decimal Points => Indicators.Sum(i => i.Points);
}

public sealed record Index766Result(IReadOnlyList<Index766GroupScore> Groups)
{
    /// <summary>The total, rounded to two decimals like every published figure.</summary>
    public decimal Total => Math.Round(Groups.Sum(g => g.Points), 2, MidpointRounding.AwayFromZero);
}

/// <summary>The 766 threshold rule and its application to a period's indicators.</summary>
public static class Index766
{
    /// <summary>
    /// <paramref name="max"/> when <paramref name="rate"/> ≥ <paramref name="threshold"/>, otherwise
    /// rate × max ÷ threshold (never below 0).
    /// </summary>
    public static decimal TargetPoints(decimal rate, decimal max, decimal threshold)
    {
        if (threshold <= 0)
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be positive.");
        if (rate >= threshold)
            return max;
        return Math.Max(0, rate) * max / threshold;
    }

    /// <summary>
    /// Scores each indicator; one whose rate has no denominator (no late dossier to apologise for, no fee to pay)
    /// gets full points — the unit had nothing to fall short on. Null when the period has no dossier at all.
    /// </summary>
    public static Index766Result? Score(DossierIndicators indicators, Index766Options options)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(options);
        if (indicators.IsEmpty)
            return null;
        var groups = options.Groups.Select(group => new Index766GroupScore(group,
            group.Indicators.Select(indicator =>
            {
                var rate = indicators.Rate(indicator.Key);
                return new Index766IndicatorScore(indicator, rate, rate is { } r ? TargetPoints(r, indicator.MaxPoints, indicator.Threshold) : indicator.MaxPoints);
            }).ToList())).ToList();
        return new Index766Result(groups);
    }
}
