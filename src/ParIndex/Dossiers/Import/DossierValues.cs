using System.Text;
using ParIndex.Core.Calendar;
using ParIndex.Core.Dossiers;
using ParIndex.Data.Tabular;

namespace ParIndex.Dossiers.Import;

/// <summary>
/// Reads the cell values of the dossier format from UTF-8 (docs/dossiers.md §4): instants, dates, channels, payments,
/// yes/no flags and ratings, in English or Vietnamese (with or without diacritics). Allocation-free for the usual
/// forms; anything unusual goes through <see cref="ColumnName.Normalize"/> once.
/// </summary>
internal static class DossierValues
{
    /// <summary>
    /// An instant: <c>yyyy-MM-dd HH:mm[:ss]</c>, <c>yyyy-MM-ddTHH:mm[:ss][.fff][Z|±HH:mm]</c> or
    /// <c>dd/MM/yyyy HH:mm[:ss]</c>. Without an offset the time is Vietnamese local time (UTC+07:00).
    /// <paramref name="dateOnly"/> is set when only a date was given (then the instant is that day's 00:00).
    /// </summary>
    public static bool TryInstant(ReadOnlySpan<byte> s, out DateTimeOffset instant, out bool dateOnly)
    {
        instant = default;
        dateOnly = false;
        s = Trim(s);
        int year, month, day, p;
        if (s.Length >= 10 && s[4] == '-' && s[7] == '-')
        {
            if (!Digits(s, 0, 4, out year) || !Digits(s, 5, 2, out month) || !Digits(s, 8, 2, out day))
                return false;
            p = 10;
        }
        else if (s.Length >= 10 && s[2] == '/' && s[5] == '/')
        {
            if (!Digits(s, 0, 2, out day) || !Digits(s, 3, 2, out month) || !Digits(s, 6, 4, out year))
                return false;
            p = 10;
        }
        else if (s.Length >= 8 && (s[1] == '/' || s[2] == '/'))
        {
            // d/M/yyyy with one-digit day or month, as spreadsheets write it.
            int a = s.IndexOf((byte)'/');
            int b = s[(a + 1)..].IndexOf((byte)'/') + a + 1;
            if (b <= a + 1 || b - a - 1 > 2 || s.Length < b + 5 || !Digits(s, 0, a, out day) || !Digits(s, a + 1, b - a - 1, out month) || !Digits(s, b + 1, 4, out year))
                return false;
            p = b + 5;
        }
        else
            return false;
        if (month is < 1 or > 12 || day < 1 || year is < 1900 or > 2100 || day > DateTime.DaysInMonth(year, month))
            return false;
        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var offset = VietnamTime.Offset;
        if (p == s.Length)
        {
            dateOnly = true;
        }
        else
        {
            if (s[p] != ' ' && s[p] != 'T')
                return false;
            p++;
            while (p < s.Length && s[p] == ' ') p++;
            if (s.Length < p + 5 || s[p + 2] != ':' || !Digits(s, p, 2, out hour) || !Digits(s, p + 3, 2, out minute))
            {
                // "H:mm" with a one-digit hour.
                if (s.Length >= p + 4 && s[p + 1] == ':' && Digits(s, p, 1, out hour) && Digits(s, p + 2, 2, out minute))
                    p += 4;
                else
                    return false;
            }
            else
                p += 5;
            if (p < s.Length && s[p] == ':')
            {
                if (!Digits(s, p + 1, 2, out second))
                    return false;
                p += 3;
                if (p < s.Length && s[p] == '.')
                {
                    p++;
                    int digits = 0;
                    while (p < s.Length && s[p] is >= (byte)'0' and <= (byte)'9')
                    {
                        if (digits < 7) { fraction = fraction * 10 + (s[p] - '0'); digits++; }
                        p++;
                    }
                    for (; digits < 7; digits++) fraction *= 10;
                }
            }
            if (p < s.Length)
            {
                if (s[p] == 'Z' && p + 1 == s.Length)
                    offset = TimeSpan.Zero;
                else if ((s[p] == '+' || s[p] == '-') && s.Length - p is 6 or 5 or 3)
                {
                    int sign = s[p] == '-' ? -1 : 1;
                    if (!Digits(s, p + 1, 2, out int oh))
                        return false;
                    int om = 0;
                    if (s.Length - p == 6 && (s[p + 3] != ':' || !Digits(s, p + 4, 2, out om)))
                        return false;
                    if (s.Length - p == 5 && !Digits(s, p + 3, 2, out om))
                        return false;
                    offset = TimeSpan.FromMinutes(sign * (oh * 60 + om));
                }
                else
                    return false;
            }
            if (hour > 23 || minute > 59 || second > 59 || offset.Duration() > TimeSpan.FromHours(14))
                return false;
        }
        instant = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fraction);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int at, int count, out int value)
    {
        value = 0;
        if (count <= 0 || at + count > s.Length)
            return false;
        for (int i = at; i < at + count; i++)
        {
            int d = s[i] - '0';
            if ((uint)d > 9)
                return false;
            value = value * 10 + d;
        }
        return true;
    }

    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s)
    {
        int a = 0, b = s.Length;
        while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
        return s[a..b];
    }

    public static bool IsBlank(ReadOnlySpan<byte> s) => Trim(s).IsEmpty;

    /// <summary>The value lower-cased with diacritics and punctuation folded to "_" (ASCII input stays allocation-free).</summary>
    private static string Fold(ReadOnlySpan<byte> s)
    {
        s = Trim(s);
        bool ascii = true;
        foreach (var b in s)
            if (b >= 0x80) { ascii = false; break; }
        if (!ascii)
            return ColumnName.Normalize(Encoding.UTF8.GetString(s));
        Span<char> chars = stackalloc char[Math.Min(s.Length, 64)];
        int n = 0;
        bool pending = false;
        foreach (var b in s)
        {
            if (n >= chars.Length) break;
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pending && n > 0) chars[n++] = '_';
                if (n < chars.Length) chars[n++] = char.ToLowerInvariant(c);
                pending = false;
            }
            else
                pending = true;
        }
        return FoldedNames.Intern(chars[..n]);
    }

    public static bool TryChannel(ReadOnlySpan<byte> s, out DossierChannel channel)
    {
        channel = Fold(s) switch
        {
            "inperson" or "in_person" or "counter" or "truc_tiep" or "tai_quay" or "1" => DossierChannel.InPerson,
            "online" or "truc_tuyen" or "dvc" or "dich_vu_cong_truc_tuyen" or "2" => DossierChannel.Online,
            "postal" or "post" or "buu_chinh" or "buu_chinh_cong_ich" or "qua_buu_chinh" or "3" => DossierChannel.Postal,
            _ => default,
        };
        return channel != default;
    }

    /// <summary>Online, offline (at the counter, by transfer) or none (no fee); empty is decided by the procedure.</summary>
    public static bool TryPayment(ReadOnlySpan<byte> s, out DossierPayment payment)
    {
        payment = DossierPayment.None;
        switch (Fold(s))
        {
            case "online" or "truc_tuyen" or "2":
                payment = DossierPayment.Online;
                return true;
            case "offline" or "truc_tiep" or "tai_quay" or "chuyen_khoan" or "1":
                payment = DossierPayment.Offline;
                return true;
            case "none" or "khong" or "mien_phi" or "khong_thu_phi" or "0":
                return true;
            default:
                return false;
        }
    }

    public static bool TryFlag(ReadOnlySpan<byte> s, out bool flag)
    {
        switch (Fold(s))
        {
            case "1" or "true" or "yes" or "y" or "x" or "co" or "c" or "dung":
                flag = true;
                return true;
            case "0" or "false" or "no" or "n" or "khong" or "k" or "sai":
                flag = false;
                return true;
            default:
                flag = false;
                return false;
        }
    }

    public static bool TryRating(ReadOnlySpan<byte> s, out DossierRating rating)
    {
        rating = Fold(s) switch
        {
            "very_satisfied" or "verysatisfied" or "rat_hai_long" => DossierRating.VerySatisfied,
            "satisfied" or "hai_long" => DossierRating.Satisfied,
            "not_satisfied" or "notsatisfied" or "unsatisfied" or "khong_hai_long" => DossierRating.NotSatisfied,
            _ => DossierRating.None,
        };
        return rating != DossierRating.None;
    }

    /// <summary>A handful of folded values recur millions of times; returning the same string for each avoids garbage.</summary>
    private static class FoldedNames
    {
        private static readonly string[] Known =
        [
            "inperson", "in_person", "counter", "truc_tiep", "tai_quay", "online", "truc_tuyen", "dvc", "postal", "post", "buu_chinh",
            "offline", "chuyen_khoan", "none", "khong", "mien_phi", "1", "2", "3", "0", "true", "false", "yes", "no", "y", "n", "x", "co",
            "c", "k", "very_satisfied", "satisfied", "not_satisfied", "hai_long", "rat_hai_long", "khong_hai_long",
        ];

        private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
            Known.ToDictionary(k => k, k => k).GetAlternateLookup<ReadOnlySpan<char>>();

        public static string Intern(ReadOnlySpan<char> value) => Lookup.TryGetValue(value, out var known) ? known : new string(value);
    }
}
