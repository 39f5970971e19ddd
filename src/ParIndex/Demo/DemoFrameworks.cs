using ParIndex.Core.Frameworks;

namespace ParIndex.Demo;

/// <summary>
/// The demo city's criteria frameworks: one per block and year (2023 and 2024 for SBN and QH, 2025 for SBN
/// and PX). Eight fields worth 100 points plus a bonus node ("T") and a penalty node ("TR"). The 2024
/// frameworks revise 2023's (some criteria moved, added, dropped or retitled) and carry a crosswalk to
/// the 2023 codes; the 2025 department framework carries one to 2024.
/// </summary>
public static class DemoFrameworks
{
    /// <summary>Every (year, block) the demo has a framework for.</summary>
    public static IReadOnlyList<(int Year, string BlockCode)> Available { get; } =
        DemoCity.Blocks.Select(b => (b.Year, b.Code)).ToArray();

    public static IReadOnlyList<FrameworkDefinition> All() => Available.Select(a => Build(a.Year, a.BlockCode)).ToArray();

    public static FrameworkDefinition Build(int year, string blockCode)
    {
        var current = Compose(year, blockCode);
        var crosswalk = Available.Contains((year - 1, blockCode))
            ? Crosswalk(Compose(year - 1, blockCode).CodeByKey, current.CodeByKey)
            : new Dictionary<string, string>();
        return current.Definition with { Crosswalk = crosswalk };
    }

    private sealed record Draft(FrameworkDefinition Definition, IReadOnlyDictionary<string, string> CodeByKey);

    private static Draft Compose(int year, string blockCode)
    {
        if (!Available.Contains((year, blockCode)))
            throw new ArgumentException($"The demo city has no framework for block '{blockCode}' in {year}.", nameof(blockCode));
        var profile = blockCode switch
        {
            "SBN" => DemoProfile.Department,
            "QH" => DemoProfile.District,
            _ => DemoProfile.Ward,
        };
        var context = new DemoFieldContext(year, profile, DemoCity.LeadAgencies(year));
        FrameworkNode[] fields =
        [
            DemoFieldDirection.Build(context),
            DemoFieldInstitutions.Build(context),
            DemoFieldProcedures.Build(context),
            DemoFieldOrganisation.Build(context),
            DemoFieldCivilService.Build(context),
            DemoFieldFinance.Build(context),
            DemoFieldDigital.Build(context),
            DemoFieldImpact.Build(context),
        ];

        var codeByKey = new Dictionary<string, string>();
        var nodes = new List<FrameworkNode>();
        for (var i = 0; i < fields.Length; i++)
            nodes.Add(Number(fields[i], (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), context.Leads[i + 1], codeByKey));
        nodes.Add(Number(DemoFieldImpact.Bonus(context), "T", context.Leads[1], codeByKey));
        nodes.Add(Number(DemoFieldImpact.Penalty(context), "TR", context.Leads[1], codeByKey));

        var block = DemoCity.Block(year, blockCode);
        var definition = new FrameworkDefinition
        {
            Year = year,
            BlockCode = blockCode,
            TitleVi = $"Bộ tiêu chí xác định Chỉ số cải cách hành chính năm {year} – {block.NameVi}",
            TitleEn = $"Administrative reform index criteria {year} – {block.NameEn}",
            Nodes = nodes,
            // 2023 exercises HCMC's six bands of 2018; later years the common four.
            Classes = year == 2023 ? ClassBand.HcmcSixBands : ClassBand.Default,
            Rules = OutcomeRule.HcmcDefault,
        };
        return new Draft(definition, codeByKey);
    }

    /// <summary>Replaces the stable key with the dotted code, fills in the lead agency and the scoring guidance.</summary>
    private static FrameworkNode Number(FrameworkNode node, string code, string fieldLead, Dictionary<string, string> codeByKey)
    {
        if (!codeByKey.TryAdd(node.Code, code))
            throw new InvalidOperationException($"Demo framework: the key '{node.Code}' is used twice.");
        var children = node.Children.Select((child, i) => Number(child, $"{code}.{i + 1}", fieldLead, codeByKey)).ToArray();
        var numbered = node with { Code = code, Children = children, LeadAgencyCode = node.LeadAgencyCode ?? fieldLead };
        if (!node.IsScored || node.Kind is NodeKind.Bonus or NodeKind.Penalty)
            return numbered;
        var (scaleVi, scaleEn) = DemoGuidance.Describe(node);
        return numbered with
        {
            GuidanceVi = node.GuidanceVi is null ? scaleVi : $"{node.GuidanceVi} {scaleVi}",
            GuidanceEn = node.GuidanceEn is null ? scaleEn : $"{node.GuidanceEn} {scaleEn}",
        };
    }

    /// <summary>New code → old code for every node present in both years under different codes.</summary>
    private static Dictionary<string, string> Crosswalk(IReadOnlyDictionary<string, string> previous, IReadOnlyDictionary<string, string> current) =>
        current
            .Where(c => previous.TryGetValue(c.Key, out var old) && old != c.Value)
            .ToDictionary(c => c.Value, c => previous[c.Key]);
}
