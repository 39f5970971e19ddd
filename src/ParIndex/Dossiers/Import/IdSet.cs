namespace ParIndex.Dossiers.Import;

/// <summary>
/// The dossier ids written by one import, as a paged bitmap (16 KB per 131,072 ids): tells a row that updated a
/// dossier written earlier in the same input (a duplicate code) from the first write, in a few megabytes even for
/// tens of millions of dossiers — where a set of codes would take gigabytes.
/// </summary>
internal sealed class IdSet
{
    private const int PageBits = 17;
    private readonly Dictionary<long, ulong[]> pages = [];

    /// <summary>Adds the id; false when it was already there.</summary>
    public bool Add(long id)
    {
        long page = id >> PageBits;
        if (!pages.TryGetValue(page, out var bits))
            pages[page] = bits = new ulong[(1 << PageBits) / 64];
        int offset = (int)(id & ((1 << PageBits) - 1));
        ulong mask = 1UL << (offset & 63);
        ref ulong word = ref bits[offset >> 6];
        if ((word & mask) != 0)
            return false;
        word |= mask;
        return true;
    }
}
