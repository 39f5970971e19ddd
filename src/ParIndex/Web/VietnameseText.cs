using System.Globalization;

namespace ParIndex.Web;

/// <summary>Sorting by Vietnamese rules (Ă, Â after A; Đ after D; tones as secondary differences).</summary>
public static class VietnameseText
{
    public static readonly StringComparer Comparer = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);
}
