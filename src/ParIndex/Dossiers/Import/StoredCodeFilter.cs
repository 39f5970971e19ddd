namespace ParIndex.Dossiers.Import;

/// <summary>
/// A Bloom filter of the dossier codes stored before and during a PostgreSQL import: "no" means the code is surely
/// new, so the row can be copied straight into the table; "maybe" sends it through the upsert. Sized at 10 bits a
/// code with seven probes (under 1 % false "maybe"s at its planned size; more, never wrong, beyond it). It only
/// chooses the fast path: the unique index still decides, and a surprise conflict falls back to the upsert.
/// </summary>
internal sealed class StoredCodeFilter
{
    private const int Probes = 7;
    private readonly ulong[] bits;
    private readonly ulong mask;

    public StoredCodeFilter(long plannedCodes)
    {
        long wanted = Math.Max(1 << 16, plannedCodes * 10);
        int log = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)(wanted - 1));
        // At most 2^27 bits (16 MB, 13 million codes at their planned rate): beyond it more codes answer "maybe" and
        // take the upsert, which is slower but never wrong, while memory stays bounded whatever the file's size.
        long size = 1L << Math.Min(log, 27);
        bits = new ulong[size / 64];
        mask = (ulong)size - 1;
    }

    public long Bytes => bits.LongLength * 8;

    public void Add(string code)
    {
        var (h1, h2) = Hash(code);
        for (uint i = 0; i < Probes; i++)
        {
            ulong bit = (h1 + i * h2) & mask;
            bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    public bool MightContain(string code)
    {
        var (h1, h2) = Hash(code);
        for (uint i = 0; i < Probes; i++)
        {
            ulong bit = (h1 + i * h2) & mask;
            if ((bits[bit >> 6] & (1UL << (int)(bit & 63))) == 0)
                return false;
        }
        return true;
    }

    /// <summary>Two independent 64-bit hashes (FNV-1a and a multiplicative one over the UTF-16 units) for double hashing.</summary>
    private static (ulong, ulong) Hash(string code)
    {
        ulong fnv = 14695981039346656037UL, mul = 0x9E3779B97F4A7C15UL;
        foreach (char c in code)
        {
            fnv = (fnv ^ c) * 1099511628211UL;
            mul = (mul ^ c) * 0xBF58476D1CE4E5B9UL;
            mul ^= mul >> 31;
        }
        return (fnv, mul | 1);
    }
}
