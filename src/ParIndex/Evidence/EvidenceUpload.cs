using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Evidence;

/// <summary>An upload as read from a multipart body: the text fields and, when one came, the stored file and its original name.</summary>
public sealed record ReceivedUpload(IReadOnlyDictionary<string, List<string>> Fields, StoredFile? File, string? FileName)
{
    public string? Field(string name) => Fields.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    public IReadOnlyList<string> All(string name) => Fields.TryGetValue(name, out var values) ? values : [];
}

/// <summary>
/// Reads an evidence upload (multipart/form-data) section by section with <see cref="MultipartReader"/>: text fields
/// are read into small strings, the one file section streams straight into <see cref="EvidenceStore"/> (hashed while
/// written), so a 50 MB file never sits in memory, nor in ASP.NET's form buffer. The request-body limit is raised to
/// the evidence limit for this request only. Form posts from pages carry their antiforgery token as the first field;
/// it is checked before the file is read.
/// </summary>
public static class EvidenceUpload
{
    private const int MaxFieldChars = 8000;
    private const int MaxFields = 200;

    public static async Task<Outcome<ReceivedUpload>> ReadAsync(HttpContext context, EvidenceStore store, bool requireAntiforgery, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = store.MaxBytes + EvidenceOptions.RequestOverheadBytes;
        if (request.ContentLength is { } length && length > store.MaxBytes + EvidenceOptions.RequestOverheadBytes)
            return store.TooLarge();
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return Problems.Of("file", T("Hãy gửi biểu mẫu multipart/form-data có một tệp.", "Send a multipart/form-data form with one file."));

        var fields = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        StoredFile? stored = null;
        string? fileName = null;
        var tokenChecked = !requireAntiforgery;
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = store.MaxBytes + 1, HeadersLengthLimit = 16 * 1024 };
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(cancellationToken)) is not null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    var original = CleanFileName(disposition.FileNameStar.Value ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value);
                    if (string.IsNullOrEmpty(original))
                        continue; // a file input left empty
                    if (!tokenChecked)
                    {
                        if (!await IsTokenValidAsync(context, fields))
                            return Problems.Of("form", T("Biểu mẫu đã hết hạn hoặc không hợp lệ; hãy tải lại trang và gửi lại.", "The form expired or is not valid; reload the page and send it again."));
                        tokenChecked = true;
                    }
                    if (stored is not null)
                        return Problems.Of("file", T("Mỗi lần chỉ gửi một tệp.", "Send one file at a time."));
                    var received = await store.ReceiveAsync(section.Body, original, cancellationToken);
                    if (!received.Succeeded)
                        return received.Problems!;
                    stored = received.Value;
                    fileName = original;
                    continue;
                }
                if (fields.Sum(f => f.Value.Count) >= MaxFields)
                    return Problems.Of("form", T("Biểu mẫu có quá nhiều trường.", "The form has too many fields."));
                var value = await ReadTextAsync(section.Body, cancellationToken);
                if (value is null)
                    return Problems.Of(name, T($"Trường '{name}' quá dài.", $"The field '{name}' is too long."));
                if (!fields.TryGetValue(name, out var values))
                    fields[name] = values = [];
                values.Add(value);
            }
        }
        catch (InvalidDataException)
        {
            // MultipartReader's own limits (a section longer than the evidence limit, headers too long).
            return store.TooLarge();
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return store.TooLarge();
        }
        if (!tokenChecked && !await IsTokenValidAsync(context, fields))
            return Problems.Of("form", T("Biểu mẫu đã hết hạn hoặc không hợp lệ; hãy tải lại trang và gửi lại.", "The form expired or is not valid; reload the page and send it again."));
        return Outcome<ReceivedUpload>.Ok(new ReceivedUpload(fields, stored, fileName));
    }

    /// <summary>
    /// Checks the page's antiforgery token without letting the antiforgery service read the form (which would buffer
    /// the whole upload): the token already read from the first field is presented to it as a header, on a stand-in
    /// request carrying the same cookies and user.
    /// </summary>
    private static async Task<bool> IsTokenValidAsync(HttpContext context, Dictionary<string, List<string>> fields)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
        if (!fields.TryGetValue(options.FormFieldName, out var tokens) || tokens.Count == 0 || string.IsNullOrEmpty(options.HeaderName))
            return false;
        var standIn = new DefaultHttpContext { RequestServices = context.RequestServices, User = context.User };
        standIn.Request.Method = HttpMethods.Post;
        standIn.Request.Scheme = context.Request.Scheme;
        standIn.Request.Host = context.Request.Host;
        standIn.Request.Headers.Cookie = context.Request.Headers.Cookie;
        standIn.Request.Headers[options.HeaderName] = tokens[0];
        return await antiforgery.IsRequestValidAsync(standIn);
    }

    private static async Task<string?> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        var buffer = new char[MaxFieldChars + 1];
        var total = 0;
        int read;
        while (total <= MaxFieldChars && (read = await reader.ReadAsync(buffer.AsMemory(total, buffer.Length - total), cancellationToken)) > 0)
            total += read;
        if (total > MaxFieldChars)
            return null;
        return new string(buffer, 0, total);
    }

    /// <summary>The last segment of a client file name, without control or path characters, at most 255 characters (display only).</summary>
    public static string CleanFileName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return "";
        var last = name.Replace('\\', '/').Split('/').Last();
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or '*' or '?' or ':')).ToArray()).Trim();
        clean = clean.Normalize(NormalizationForm.FormC);
        return clean.Length <= 255 ? clean : clean[..(255 - Path.GetExtension(clean).Length)] + Path.GetExtension(clean);
    }
}
