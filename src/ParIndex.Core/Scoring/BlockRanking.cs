using System.Globalization;

namespace ParIndex.Core.Scoring;

/// <summary>
/// Orders a block's units for publication and gives competition ranks (1, 2, 2, 4) on the exact index.
/// Tied units share a rank and are listed by name under Vietnamese collation (so "Đống Đa" follows
/// "Dương" and "Ân" follows "An"), then by code, so the published order never depends on input order.
/// </summary>
internal static class BlockRanking
{
    /// <summary>Vietnamese collation, as every sorted list in the product uses.</summary>
    public static StringComparer VietnameseNames { get; } = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

    /// <summary>Returns the positions of the units in published order, and each unit's rank by its position in the input.</summary>
    public static (int[] Order, int[] Ranks) Rank(decimal[] index, IReadOnlyList<string> names, IReadOnlyList<string> codes)
    {
        var count = index.Length;
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;

        var collation = VietnameseNames;
        Array.Sort(order, (a, b) =>
        {
            var byIndex = index[b].CompareTo(index[a]);
            if (byIndex != 0)
                return byIndex;
            var byName = collation.Compare(names[a], names[b]);
            return byName != 0 ? byName : string.CompareOrdinal(codes[a], codes[b]);
        });

        var ranks = new int[count];
        for (var position = 0; position < count; position++)
        {
            var unit = order[position];
            ranks[unit] = position > 0 && index[order[position - 1]] == index[unit]
                ? ranks[order[position - 1]]
                : position + 1;
        }
        return (order, ranks);
    }
}
