namespace ParIndex.Demo;

/// <summary>What kind of body a demo unit is; mirrors the app's unit kinds without depending on them.</summary>
public enum DemoUnitKind
{
    /// <summary>Sở, ban, ngành.</summary>
    Department,
    /// <summary>UBND quận, huyện (until 30/06/2025).</summary>
    District,
    /// <summary>UBND thành phố Thủ Đức (until 30/06/2025).</summary>
    ThuDucCity,
    /// <summary>UBND phường, xã, thị trấn, đặc khu.</summary>
    Ward,
    /// <summary>A central agency located in the city and assessed with the departments.</summary>
    Other,
}
