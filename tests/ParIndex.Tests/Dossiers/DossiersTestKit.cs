using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Core.Calendar;
using ParIndex.Dossiers;
using ParIndex.Units;

namespace ParIndex.Tests.Dossiers;

/// <summary>Units and procedures for dossier tests, and helpers to send files and read verdicts.</summary>
public static class DossiersTestKit
{
    /// <summary>A department and a ward (both valid in 2025), and a ward that ended on 30/06/2025.</summary>
    public static readonly (string Code, string Name, UnitKind Kind, DateOnly? ValidTo)[] Units =
    [
        ("STP", "Sở Tư pháp", UnitKind.Department, null),
        ("PBN", "Phường Bến Nghé", UnitKind.Ward, null),
        ("POLD", "Phường Cũ", UnitKind.Ward, new DateOnly(2025, 6, 30)),
    ];

    /// <summary>3 working days (fee, end-to-end online); same day with the 15:00 cut-off; 4 office hours; 15 calendar days.</summary>
    public const string ThreeDays = "1.000003";
    public const string SameDayCutOff = "1.000000";
    public const string FourHours = "1.000004";
    public const string FifteenCalendarDays = "1.000015";

    public const string Header = "code,unit,procedure,channel,received_at,promised_at,supplement_requested_at,supplement_completed_at,done_at,returned_at,refused_at,stopped_at,withdrawn_at,payment,digitised,electronic_result,end_to_end,rating";

    public static async Task SeedAsync(TestApp app)
    {
        await app.WithScopeAsync(async services =>
        {
            var units = services.GetRequiredService<UnitService>();
            foreach (var (code, name, kind, validTo) in Units)
                if (!(await units.SaveAsync(new UnitDto(code, name, null, kind, new DateOnly(2000, 1, 1), validTo, null), "test")).Succeeded)
                    throw new InvalidOperationException($"unit {code}");
            var db = services.GetRequiredService<ParIndex.Data.AppDbContext>();
            db.Procedures.AddRange(
                Procedure(ThreeDays, "Cấp giấy phép kinh doanh karaoke", 3, DeadlineUnit.WorkingDays, cutOff: false, fee: true, OnlineLevel.EndToEnd),
                Procedure(SameDayCutOff, "Chứng thực bản sao từ bản chính", 0, DeadlineUnit.WorkingDays, cutOff: true, fee: true, OnlineLevel.Partial),
                Procedure(FourHours, "Cấp phiếu lý lịch tư pháp khẩn", 4, DeadlineUnit.Hours, cutOff: false, fee: false, OnlineLevel.None),
                Procedure(FifteenCalendarDays, "Cấp giấy phép xây dựng nhà ở riêng lẻ", 15, DeadlineUnit.CalendarDays, cutOff: false, fee: true, OnlineLevel.Partial));
            await db.SaveChangesAsync();
            return 0;
        });
    }

    private static Procedure Procedure(string code, string name, int time, DeadlineUnit unit, bool cutOff, bool fee, OnlineLevel online) => new()
    {
        Code = code, NameVi = name, Sector = "Thử nghiệm", Level = ProcedureLevel.Province, ProcessingTime = time, ProcessingUnit = unit,
        AfterCutOffCountsNextDay = cutOff, FeeBearing = fee, OnlineLevel = online,
    };

    /// <summary>A CSV body: the header then the rows, each ending with a line break.</summary>
    public static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n");

    /// <summary>A row with the common columns; events as "column=instant" pairs.</summary>
    public static string Row(string code, string received, string? promised = null, string unit = "STP", string procedure = ThreeDays, string channel = "truc_tiep",
        string? supplementRequested = null, string? supplementCompleted = null, string? done = null, string? returned = null, string? refused = null,
        string? stopped = null, string? withdrawn = null, string payment = "", string digitised = "", string electronic = "", string endToEnd = "", string rating = "") =>
        string.Join(",", code, unit, procedure, channel, received, promised ?? "", Quote(supplementRequested), Quote(supplementCompleted), done ?? "", returned ?? "",
            refused ?? "", stopped ?? "", withdrawn ?? "", payment, digitised, electronic, endToEnd, rating);

    private static string Quote(string? value) => value is null ? "" : value.Contains(';') ? $"\"{value}\"" : value;

    public static async Task<(HttpStatusCode Status, JsonElement Report)> PostBatchAsync(HttpClient client, byte[] body, string contentType = "text/csv")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var response = await client.PostAsync("/api/v1/dossiers/batches", content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public static async Task<JsonElement> DossierAsync(HttpClient client, string code) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{Uri.EscapeDataString(code)}");

    public static Task<int> DossierCountAsync(TestApp app) => app.WithDbAsync(db => db.Dossiers.CountAsync());

    public static long L(JsonElement report, string name) => report.GetProperty(name).GetInt64();

    public static IEnumerable<(long Row, string? Column, string Message)> Errors(JsonElement report) =>
        report.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt64(), e.GetProperty("column").GetString(), e.GetProperty("message").GetString()!));
}
