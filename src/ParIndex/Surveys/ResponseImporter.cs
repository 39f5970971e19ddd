using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using ParIndex.Units;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys;

/// <summary>A file already imported into a campaign (by content hash), so that importing it again adds nothing twice.</summary>
public sealed class SurveyImport
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string FileHash { get; set; }
    public int Rows { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    public required string ImportedBy { get; set; }
}

/// <summary>
/// Imports paper, phone or face-to-face interviews into a campaign from CSV or XLSX. Every row goes through the same
/// checks as the online form (<see cref="AnswerSheet.Check"/>) plus unit, group, channel and date; all-or-nothing
/// with every problem reported by row and column. A file is recognised by its content hash, so running the same
/// import twice adds nothing the second time.
/// Columns (Vietnamese or English headers): ma_don_vi|unit; nhom|group; kenh|channel (giay, dien_thoai, phong_van;
/// default giay); ngay|date (dd/MM/yyyy, within the campaign's period); then one column per question code (A2, B3, …)
/// holding the choice code or text; several choices separated by ';'.
/// </summary>
public sealed class ResponseImporter(AppDbContext db, CampaignService campaigns, AuditLog audit, TimeProvider clock)
{
    private static readonly string[] Reserved = ["ma_don_vi", "unit", "don_vi", "nhom", "group", "kenh", "channel", "ngay", "date"];

    public async Task<ImportReport> ImportAsync(string campaignCode, Stream stream, TabularFormat format, string actor, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.FindAsync(campaignCode, cancellationToken);
        if (campaign is null)
            return new ImportReport(0, 0, 0, [new RowProblem(1, null, T($"Không có đợt khảo sát '{campaignCode}'.", $"There is no campaign '{campaignCode}'."))]);
        var questionnaire = QuestionnaireService.Definition(campaign.Questionnaire!);
        var byColumn = questionnaire.AllQuestions().ToDictionary(q => ColumnName.Normalize(q.Code), q => q.Code, StringComparer.Ordinal);
        var targets = campaign.Targets.Select(t => (t.Unit!.Code, t.RespondentGroup, t.UnitId)).ToList();

        var seekable = stream.CanSeek ? stream : await CopyAsync(stream, cancellationToken);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(seekable, cancellationToken));
        seekable.Position = 0;
        if (await db.Set<SurveyImport>().AsNoTracking().FirstOrDefaultAsync(i => i.CampaignId == campaign.Id && i.FileHash == hash, cancellationToken) is { } earlier)
            return new ImportReport(earlier.Rows, 0, 0, [new RowProblem(1, null, T($"Tệp này đã được nhập vào đợt {campaign.Code} lúc {DateTimeLocal(earlier.ImportedAtUtc)} ({earlier.Rows} phiếu); không nhập lại.", $"This file was already imported into {campaign.Code} at {DateTimeLocal(earlier.ImportedAtUtc)} ({earlier.Rows} responses); not imported again."))]);

        var problems = new List<RowProblem>();
        var responses = new List<SurveyResponse>();
        var rowsRead = 0;
        try
        {
            await foreach (var row in TabularFile.ReadAsync(seekable, format, cancellationToken))
            {
                rowsRead++;
                if (rowsRead == 1)
                    foreach (var column in row.Cells.Keys.Where(c => !Reserved.Contains(c) && !byColumn.ContainsKey(c)))
                        problems.Add(new RowProblem(1, column, T($"Cột '{column}' không phải một câu hỏi của phiếu {questionnaire.Code}.", $"Column '{column}' is not a question of {questionnaire.Code}.")));
                var before = problems.Count;
                var unitCode = row.Get("ma_don_vi", "unit", "don_vi");
                var group = row.Get("nhom", "group");
                var target = targets.FirstOrDefault(t => t.Code == unitCode && (group is null ? questionnaire.Groups.Count == 1 : GroupMatches(questionnaire, t.RespondentGroup, group)));
                if (unitCode is null)
                    problems.Add(new RowProblem(row.RowNumber, "unit", T("Thiếu mã đơn vị.", "The unit code is missing.")));
                else if (target.Code is null)
                    problems.Add(new RowProblem(row.RowNumber, group is null || targets.All(t => t.Code != unitCode) ? "unit" : "group", T($"Đơn vị '{unitCode}'{(group is null ? "" : $", nhóm '{group}'")} không thuộc đợt khảo sát.", $"Unit '{unitCode}'{(group is null ? "" : $", group '{group}'")} is not a target of the campaign.")));
                var channel = Channel(row.Get("kenh", "channel"));
                if (channel is null)
                    problems.Add(new RowProblem(row.RowNumber, "channel", T("Kênh phải là giay, dien_thoai hoặc phong_van.", "The channel must be paper, phone or interview.")));
                var dateText = row.Get("ngay", "date");
                if (!Cells.TryDate(dateText, out var date))
                    problems.Add(new RowProblem(row.RowNumber, "date", T($"Ngày '{dateText}' không hợp lệ (dd/MM/yyyy).", $"Date '{dateText}' is not valid (dd/MM/yyyy).")));
                else if (date < campaign.OpensOn || date > campaign.ClosesOn)
                    problems.Add(new RowProblem(row.RowNumber, "date", T($"Ngày {Date(date)} ngoài thời gian khảo sát {Date(campaign.OpensOn)}–{Date(campaign.ClosesOn)}.", $"{Date(date)} is outside the campaign's period {Date(campaign.OpensOn)}–{Date(campaign.ClosesOn)}.")));
                var raw = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var (column, code) in byColumn)
                    if (row.Get(column) is { } value)
                        raw[code] = questionnaire.Find(code)!.Kind == QuestionKind.MultipleChoice ? value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [value];
                var (encoded, found) = AnswerSheet.Check(questionnaire, raw);
                foreach (var problem in found)
                    problems.Add(new RowProblem(row.RowNumber, problem.QuestionCode, problem.Message(Web.UiLanguage.Current)));
                if (problems.Count == before && encoded is not null)
                    responses.Add(new SurveyResponse
                    {
                        CampaignId = campaign.Id, QuestionnaireId = campaign.QuestionnaireId, UnitId = target.UnitId, RespondentGroup = target.RespondentGroup,
                        Channel = channel!.Value, SubmittedOn = date, Choices = encoded.Choices, Details = encoded.DetailsJson,
                    });
            }
        }
        catch (Exception exception) when (TabularImport.IsUnreadable(exception))
        {
            return new ImportReport(rowsRead, 0, 0, [TabularImport.Unreadable(rowsRead, exception)]);
        }
        if (rowsRead == 0)
            problems.Add(TabularImport.NoRows());
        if (problems.Count > 0)
            return new ImportReport(rowsRead, 0, 0, problems.OrderBy(p => p.RowNumber).ToList());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SurveyResponses.AddRange(responses);
        db.Set<SurveyImport>().Add(new SurveyImport { CampaignId = campaign.Id, FileHash = hash, Rows = responses.Count, ImportedAtUtc = clock.GetUtcNow().UtcDateTime, ImportedBy = actor });
        audit.Record(actor, "survey.responses-imported", "survey-campaign", campaign.Code, null, AuditLog.Json(new { rows = responses.Count, file = hash[..12] }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport(rowsRead, responses.Count, 0, []);
    }

    private static bool GroupMatches(QuestionnaireDefinition questionnaire, string groupCode, string given)
    {
        var group = questionnaire.Groups.First(g => g.Code == groupCode);
        var folded = AnswerSheet.Fold(given);
        return folded == AnswerSheet.Fold(group.Code) || folded == AnswerSheet.Fold(group.NameVi) || group.NameEn is { } en && folded == AnswerSheet.Fold(en);
    }

    private static ResponseChannel? Channel(string? text) => text is null ? ResponseChannel.Paper : AnswerSheet.Fold(text) switch
    {
        "giay" or "paper" or "phieugiay" => ResponseChannel.Paper,
        "dienthoai" or "phone" => ResponseChannel.Phone,
        "phongvan" or "interview" or "tructiep" => ResponseChannel.Interview,
        _ => null,
    };

    private static async Task<Stream> CopyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        copy.Position = 0;
        return copy;
    }
}
