using QRCoder;

namespace ParIndex.Surveys;

/// <summary>Invitation links and their QR codes (QRCoder, ISO/IEC 18004), as PNG or SVG, error correction level M.</summary>
public static class SurveyQr
{
    /// <summary>The link printed on an invitation: the token travels in the query once and is swapped for a cookie at once.</summary>
    public static string Link(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/khao-sat?ma={Uri.EscapeDataString(token)}";

    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string text, int pixelsPerModule = 4)
    {
        using var data = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
