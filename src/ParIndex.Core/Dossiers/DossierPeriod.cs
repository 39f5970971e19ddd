using System.Globalization;

namespace ParIndex.Core.Dossiers;

public enum PeriodKind : byte
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A reporting period of dossier indicators: a month, a quarter or a year. Every period is a run of whole months,
/// which is why dossiers store the month (yyyymm, Vietnamese local time) they were received and ended in.
/// </summary>
public readonly record struct DossierPeriod
{
    private static readonly string[] Quarters = ["I", "II", "III", "IV"];
    private static readonly string[] MonthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private DossierPeriod(int year, PeriodKind kind, int number)
    {
        if (year is < 2000 or > 2100)
            throw new ArgumentOutOfRangeException(nameof(year), year, "Years 2000–2100 are supported.");
        int max = kind switch { PeriodKind.Month => 12, PeriodKind.Quarter => 4, _ => 1 };
        if (number < 1 || number > max)
            throw new ArgumentOutOfRangeException(nameof(number), number, $"A {kind} is numbered 1–{max}.");
        Year = year;
        Kind = kind;
        Number = number;
    }

    public int Year { get; }
    public PeriodKind Kind { get; }
    public int Number { get; }

    public static DossierPeriod Month(int year, int month) => new(year, PeriodKind.Month, month);
    public static DossierPeriod Quarter(int year, int quarter) => new(year, PeriodKind.Quarter, quarter);
    public static DossierPeriod WholeYear(int year) => new(year, PeriodKind.Year, 1);

    public int FirstMonth => Kind switch { PeriodKind.Month => Number, PeriodKind.Quarter => Number * 3 - 2, _ => 1 };
    public int LastMonth => Kind switch { PeriodKind.Month => Number, PeriodKind.Quarter => Number * 3, _ => 12 };

    public DateOnly FirstDay => new(Year, FirstMonth, 1);
    public DateOnly LastDay => new DateOnly(Year, LastMonth, 1).AddMonths(1).AddDays(-1);

    /// <summary>The months as stored keys, yyyymm (202503 for March 2025).</summary>
    public int[] MonthKeys()
    {
        var keys = new int[LastMonth - FirstMonth + 1];
        for (int i = 0; i < keys.Length; i++)
            keys[i] = Year * 100 + FirstMonth + i;
        return keys;
    }

    public int FirstMonthKey => Year * 100 + FirstMonth;
    public int LastMonthKey => Year * 100 + LastMonth;

    /// <summary>The day open dossiers are judged at: the period's last day, or today while the period runs.</summary>
    public DateOnly JudgedOn(DateOnly today) => today < LastDay ? today : LastDay;

    public bool Contains(DateOnly date) => date >= FirstDay && date <= LastDay;

    /// <summary>"2025-03", "2025-Q1", "2025": the form used in URLs, the API and the CLI.</summary>
    public string Key => Kind switch
    {
        PeriodKind.Month => $"{Year}-{Number:00}",
        PeriodKind.Quarter => $"{Year}-Q{Number}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    public string LabelVi => Kind switch
    {
        PeriodKind.Month => $"Tháng {Number}/{Year}",
        PeriodKind.Quarter => $"Quý {Quarters[Number - 1]}/{Year}",
        _ => $"Năm {Year}",
    };

    public string LabelEn => Kind switch
    {
        PeriodKind.Month => $"{MonthsEn[Number - 1]} {Year}",
        PeriodKind.Quarter => $"Q{Number} {Year}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    public string Label(Language language) => language == Language.En ? LabelEn : LabelVi;

    /// <summary>The months of a year, in order.</summary>
    public static IEnumerable<DossierPeriod> MonthsOf(int year) => Enumerable.Range(1, 12).Select(m => Month(year, m));

    /// <summary>Reads "2025-03", "2025-3", "03/2025", "2025-Q1", "2025-q1", "Q1/2025" or "2025".</summary>
    public static bool TryParse(string? text, out DossierPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();
        try
        {
            if (s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int y))
            {
                period = WholeYear(y);
                return true;
            }
            var parts = s.Split('-', '/');
            if (parts.Length != 2)
                return false;
            var (yearText, restText) = parts[0].Length == 4 ? (parts[0], parts[1]) : (parts[1], parts[0]);
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out int year) || yearText.Length != 4)
                return false;
            if (restText.Length == 2 && restText[0] is 'Q' or 'q' && restText[1] is >= '1' and <= '4')
            {
                period = Quarter(year, restText[1] - '0');
                return true;
            }
            if (restText.Length is 1 or 2 && int.TryParse(restText, NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12)
            {
                period = Month(year, month);
                return true;
            }
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    public override string ToString() => Key;

    /// <summary>yyyymm of a date.</summary>
    public static int MonthKeyOf(DateOnly date) => date.Year * 100 + date.Month;

    /// <summary>Months from <paramref name="fromKey"/> to <paramref name="toKey"/> (yyyymm), e.g. 202412 → 202502 is 2.</summary>
    public static int MonthsBetween(int fromKey, int toKey) => (toKey / 100 * 12 + toKey % 100) - (fromKey / 100 * 12 + fromKey % 100);

    /// <summary>The yyyymm key <paramref name="months"/> months after (before, when negative) <paramref name="key"/>.</summary>
    public static int AddMonths(int key, int months)
    {
        int index = key / 100 * 12 + key % 100 - 1 + months;
        return index / 12 * 100 + index % 12 + 1;
    }
}
