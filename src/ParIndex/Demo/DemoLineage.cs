using ParIndex.Core.Lineage;

namespace ParIndex.Demo;

/// <summary>
/// The 1 July 2025 lineage: departments merged, split and renamed, and every new ward of the former city
/// formed from (parts of) old wards. An absorbing department keeps its code, so only the absorbed one has
/// an edge (Sở Kế hoạch và Đầu tư → Sở Tài chính); no edge points a unit at itself.
/// </summary>
internal static class DemoLineage
{
    public static IReadOnlyList<Succession> All { get; } = Build();

    private static Succession[] Build()
    {
        var date = DemoCalendarDates.Reform;
        var departments = new Succession[]
        {
            new("SKHDT", "STC", date, SuccessionKind.Merge),
            new("SGTVT", "SXD", date, SuccessionKind.Merge),
            new("STTTT", "SKHCN", date, SuccessionKind.Merge),
            new("SNNPTNT", "SNNMT", date, SuccessionKind.Merge),
            new("STNMT", "SNNMT", date, SuccessionKind.Merge),
            // Labour, employment and civil-service pay went to Home Affairs, social protection and children to
            // Health, vocational training to Education.
            new("SLDTBXH", "SNV", date, SuccessionKind.Split),
            new("SLDTBXH", "SYT", date, SuccessionKind.Split),
            new("SLDTBXH", "SGDDT", date, SuccessionKind.Split),
            new("BDT", "SDTTG", date, SuccessionKind.Rename),
            new("BQLATTP", "SATTP", date, SuccessionKind.Rename),
        };
        var wards = DemoWards.Predecessors
            .Distinct()
            .Select(p => new Succession(p.OldCode, p.NewCode, date, SuccessionKind.Merge));
        return [.. departments, .. wards];
    }
}
