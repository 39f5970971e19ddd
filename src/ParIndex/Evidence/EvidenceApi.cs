using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using ParIndex.Accounts;
using ParIndex.Assessments;
using ParIndex.Web;

namespace ParIndex.Evidence;

public sealed record LinkInput(string? NodeCode);

public sealed record CarryOverInput(long DocumentId, IReadOnlyList<string>? NodeCodes);

/// <summary>
/// Evidence documents (tài liệu kiểm chứng): upload (multipart, streamed to disk, checked by content), link, unlink,
/// carry-over, list, download, and the unit's ZIP for inspection.
/// </summary>
public static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder api)
    {
        var limits = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<EvidenceOptions>>().Value;
        var maxRequest = (limits.MaxBytes > 0 ? limits.MaxBytes : EvidenceOptions.DefaultMaxBytes) + EvidenceOptions.RequestOverheadBytes;
        var unit = api.MapGroup("/years/{year:int}/units/{unit}/evidence").WithTags("Evidence");

        unit.MapPost("", async Task<Results<Ok<EvidenceDto>, ValidationProblem, ProblemHttpResult>> (int year, string unit, HttpContext context, UserScope scope, EvidenceService service, EvidenceStore store, CancellationToken ct) =>
            {
                if (await scope.OfAsync(context.User, ct) is not { } who)
                    return ApiResults.NotFound();
                // Who and when are checked before the body is read, so a refused upload never reaches the disk.
                var stage = await service.StageAsync(year, unit, who, ct);
                if (!stage.Succeeded)
                    return ApiResults.From(stage.Relay<EvidenceDto, (AssessmentContext, EvidenceStage)>(), v => v);
                var upload = await EvidenceUpload.ReadAsync(context, store, requireAntiforgery: false, ct);
                if (!upload.Succeeded)
                    return ApiResults.From(upload.Relay<EvidenceDto, ReceivedUpload>(), v => v);
                var received = upload.Value!;
                var outcome = await service.AddAsync(year, unit, received.File, received.FileName,
                    new EvidenceMetadata(received.Field("documentNumber"), received.Field("documentDate"), received.Field("issuingBody"), received.Field("title")),
                    received.All("nodeCode"), who, ct);
                return ApiResults.From(outcome, v => v);
            })
            .RequireAuthorization(Policies.UnitStaff)
            .WithMetadata(new RequestSizeLimitAttribute(maxRequest))
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Upload an evidence file (PDF, DOCX, XLSX, JPEG, PNG; checked by content; Evidence:MaxBytes, default 20 MB) as multipart/form-data: fields nodeCode (repeatable), documentNumber, documentDate, issuingBody, title, then file. Unit staff, self-assessment phase (explanation phase for adjusted leaves).");

        // The pages' upload form (no JavaScript): the same streaming upload, with the page's antiforgery token as the first
        // field, answered by a redirect back to the page (303) carrying the outcome in TempData.
        unit.MapPost("/upload-form", async Task<RedirectHttpResult> (int year, string unit, string? returnUrl, HttpContext context, UserScope scope, EvidenceService service, EvidenceStore store,
                ITempDataDictionaryFactory tempData, CancellationToken ct) =>
            {
                var back = returnUrl is { Length: > 1 } local && local[0] == '/' && local[1] is not ('/' or '\\') ? local : $"/don-vi/tu-danh-gia/{year}";
                var messages = tempData.GetTempData(context);
                string? node = null;
                Problems? problems = null;
                EvidenceDto? added = null;
                if (await scope.OfAsync(context.User, ct) is not { } who)
                    problems = Problems.Of("form", Text.T("Không tìm thấy đơn vị.", "Unit not found."));
                else
                {
                    var stage = await service.StageAsync(year, unit, who, ct);
                    if (!stage.Succeeded)
                        problems = stage.Problems ?? Problems.Of("form", Text.T("Không tìm thấy đơn vị.", "Unit not found."));
                    else
                    {
                        var upload = await EvidenceUpload.ReadAsync(context, store, requireAntiforgery: true, ct);
                        if (!upload.Succeeded)
                            problems = upload.Problems;
                        else
                        {
                            var received = upload.Value!;
                            node = received.All("nodeCode").FirstOrDefault();
                            var outcome = await service.AddAsync(year, unit, received.File, received.FileName,
                                new EvidenceMetadata(received.Field("documentNumber"), received.Field("documentDate"), received.Field("issuingBody"), received.Field("title")),
                                received.All("nodeCode"), who, ct);
                            if (outcome.Succeeded)
                                added = outcome.Value;
                            else
                                problems = outcome.Problems ?? Problems.Of("form", Text.T("Không tìm thấy đơn vị.", "Unit not found."));
                        }
                    }
                }
                node ??= context.Request.Query["node"].FirstOrDefault();
                if (added is not null)
                    messages["EvidenceMessage"] = Text.T($"Đã tải lên «{added.FileName}» ({Text.Number(added.SizeBytes / 1024m, 0)} KB).", $"Uploaded \"{added.FileName}\" ({Text.Number(added.SizeBytes / 1024m, 0)} KB).");
                else
                    messages["EvidenceError"] = string.Join(" ", problems!.ToDictionary().SelectMany(p => p.Value));
                if (node is not null)
                    messages["EvidenceNode"] = node;
                messages.Save();
                return TypedResults.Redirect(back + (node is null ? "" : "#node-" + node));
            })
            .RequireAuthorization(Policies.UnitStaff)
            .WithMetadata(new RequestSizeLimitAttribute(maxRequest))
            .ExcludeFromDescription()
            .WithSummary("The pages' evidence upload form (multipart, antiforgery token first, redirects back to the page).");

        unit.MapGet("", async Task<Results<Ok<IReadOnlyList<EvidenceDto>>, ValidationProblem, ProblemHttpResult>> (int year, string unit, ClaimsPrincipal user, UserScope scope, EvidenceService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.ListAsync(year, unit, who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization()
            .WithSummary("The unit's evidence documents of the year (the unit's staff, administrators, council members, viewers).");

        unit.MapPost("/{document}/links", async Task<Results<Ok<EvidenceDto>, ValidationProblem, ProblemHttpResult>> (int year, string unit, long document, LinkInput body, ClaimsPrincipal user, UserScope scope, EvidenceService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.LinkAsync(year, unit, document, body.NodeCode ?? "", who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.UnitStaff)
            .WithSummary("Let a document of the unit back one more leaf (one document can back several).");

        unit.MapDelete("/{document}/links/{node}", async Task<Results<Ok<bool>, ValidationProblem, ProblemHttpResult>> (int year, string unit, long document, string node, ClaimsPrincipal user, UserScope scope, EvidenceService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.UnlinkAsync(year, unit, document, node, who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.UnitStaff)
            .WithSummary("Remove a document from a leaf (the file stays among the unit's documents).");

        unit.MapGet("/carry-over", async Task<Results<Ok<IReadOnlyList<EvidenceDto>>, ValidationProblem, ProblemHttpResult>> (int year, string unit, ClaimsPrincipal user, UserScope scope, EvidenceService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.CarryOverCandidatesAsync(year, unit, who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.UnitStaff)
            .WithSummary("Documents of the unit's two previous years that can be carried over to this year.");

        unit.MapPost("/carry-over", async Task<Results<Ok<EvidenceDto>, ValidationProblem, ProblemHttpResult>> (int year, string unit, CarryOverInput body, ClaimsPrincipal user, UserScope scope, EvidenceService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.CarryOverAsync(year, unit, body.DocumentId, body.NodeCodes ?? [], who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.UnitStaff)
            .WithSummary("Carry an earlier year's document over to this year (same file, same hash, nothing copied) and link it to leaves.");

        api.MapGet("/years/{year:int}/units/{unit}/evidence.zip", async Task<Results<PushStreamHttpResult, ProblemHttpResult>> (int year, string unit, ClaimsPrincipal user, UserScope scope, EvidenceZip zip, CancellationToken ct) =>
            {
                if (await scope.OfAsync(user, ct) is not { } who || await zip.WriterAsync(year, unit, who, ct) is not { } writer)
                    return ApiResults.NotFound();
                return TypedResults.Stream(writer, "application/zip", EvidenceZip.FileName(year, unit));
            })
            .WithTags("Evidence")
            .RequireAuthorization()
            .WithSummary("All evidence of the unit's year as one ZIP for inspection, with an index (danh-muc.csv), streamed.");

        api.MapGet("/evidence/{id:long}/file", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (long id, HttpContext context, UserScope scope, EvidenceService service, CancellationToken ct) =>
            {
                if (await scope.OfAsync(context.User, ct) is not { } who)
                    return ApiResults.NotFound();
                var outcome = await service.OpenAsync(id, who, ct);
                if (!outcome.Succeeded)
                    return ApiResults.NotFound();
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers.ContentSecurityPolicy = "sandbox";
                var file = outcome.Value!;
                return TypedResults.File(file.Content, file.ContentType, file.FileName, enableRangeProcessing: true);
            })
            .WithTags("Evidence")
            .RequireAuthorization()
            .WithSummary("Download an evidence file (the unit, appraisers of a leaf it backs, administrators, council members, viewers; anyone else gets 404).");

        return api;
    }
}
