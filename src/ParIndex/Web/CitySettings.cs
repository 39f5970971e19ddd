namespace ParIndex.Web;

/// <summary>The city or province running ParIndex, shown in the header and documents (<c>City:NameVi</c>, <c>City:NameEn</c>).</summary>
public sealed class CitySettings
{
    public string NameVi { get; set; } = "Thành phố Hồ Chí Minh";
    public string NameEn { get; set; } = "Ho Chi Minh City";
    public string Name => Text.T(NameVi, NameEn);
}
