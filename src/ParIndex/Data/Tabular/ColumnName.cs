using System.Globalization;
using System.Text;

namespace ParIndex.Data.Tabular;

public static class ColumnName
{
    /// <summary>
    /// Lower case, Vietnamese diacritics removed (đ → d), runs of spaces and punctuation → one underscore,
    /// so "Mã đơn vị", "ma_don_vi" and "MA DON VI" name the same column.
    /// </summary>
    public static string Normalize(string header)
    {
        var decomposed = header.Trim().Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var pendingSeparator = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSeparator && result.Length > 0)
                    result.Append('_');
                pendingSeparator = false;
                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSeparator = true;
            }
        }
        return result.ToString();
    }
}
