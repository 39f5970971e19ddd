using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Core.Calendar;
using ParIndex.Dossiers;

namespace ParIndex.Tests.Procedures;

/// <summary>The mapping of procedures to deadline policies and the demo catalogue, which must be valid data.</summary>
public sealed class ProcedureDeadlineTests
{
    private static Procedure Make(decimal time, DeadlineUnit unit, bool cutOff = false) =>
        new() { Code = "1.000001", NameVi = "Thử", Sector = "Thử", ProcessingTime = time, ProcessingUnit = unit, AfterCutOffCountsNextDay = cutOff };

    [Fact]
    public void APolicyCarriesTheProcessingTimeUnitAndCutOff()
    {
        var policy = ProcedureDeadlines.PolicyFor(Make(0, DeadlineUnit.WorkingDays, cutOff: true));
        var hours = ProcedureDeadlines.PolicyFor(Make(16, DeadlineUnit.Hours));

        Assert.Equal((0, DeadlineUnit.WorkingDays, true, new TimeOnly(15, 0), true), (policy.Amount, policy.Unit, policy.CountsFromNextWorkingDayAfterCutOff, policy.CutOff, policy.OutsideOfficeHoursCountsFromNextOpening));
        Assert.Equal((16, DeadlineUnit.Hours, false), (hours.Amount, hours.Unit, hours.CountsFromNextWorkingDayAfterCutOff));
    }

    [Fact]
    public void AFractionalProcessingTimeNeverMapsSilently()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => ProcedureDeadlines.PolicyFor(Make(2.5m, DeadlineUnit.Hours)));

        Assert.Contains("1.000001", exception.Message);
    }

    [Fact]
    public void TheDemoCatalogueIsValidVariedAndRealistic()
    {
        var all = ProcedureCatalogueDemo.All();

        Assert.InRange(all.Count, 60, 120);
        Assert.Equal(all.Count, all.Select(p => p.Code).Distinct().Count());
        foreach (var p in all)
        {
            var problems = ProcedureService.Validate(ProcedureInput.From(p));
            Assert.False(problems.Any, $"{p.Code}: {string.Join("; ", problems.Lines())}");
            _ = ProcedureDeadlines.PolicyFor(p);
        }
        Assert.True(all.Select(p => p.Sector).Distinct().Count() >= 10);
        Assert.Equal([ProcedureLevel.Province, ProcedureLevel.Commune], all.Select(p => p.Level).Distinct().Order());
        Assert.Equal(3, all.Select(p => p.ProcessingUnit).Distinct().Count());
        var endToEnd = all.Count(p => p.OnlineLevel == OnlineLevel.EndToEnd) / (double)all.Count;
        var partial = all.Count(p => p.OnlineLevel == OnlineLevel.Partial) / (double)all.Count;
        Assert.InRange(endToEnd, 0.3, 0.6);
        Assert.InRange(partial, 0.25, 0.5);

        var birth = all.Single(p => p.NameVi == "Đăng ký khai sinh");
        Assert.Equal((0m, DeadlineUnit.WorkingDays, true), (birth.ProcessingTime, birth.ProcessingUnit, birth.AfterCutOffCountsNextDay));
        var copy = all.Single(p => p.NameVi.StartsWith("Chứng thực bản sao từ bản chính", StringComparison.Ordinal));
        Assert.Equal((0m, true), (copy.ProcessingTime, copy.AfterCutOffCountsNextDay));
        Assert.Equal(15m, all.Single(p => p.NameVi == "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ").ProcessingTime);
        Assert.Equal(3m, all.Single(p => p.NameVi == "Đăng ký thành lập công ty cổ phần").ProcessingTime);
        Assert.NotSame(all[0], ProcedureCatalogueDemo.All()[0]);
    }
}

/// <summary>The demo catalogue stored through the service on both engines (what the seeder will do).</summary>
public abstract class ProcedureCatalogueStorageTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task TheDemoCatalogueStoresAndEveryPolicyMaps()
    {
        var catalogue = ProcedureCatalogueDemo.All();

        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<ParIndex.Data.AppDbContext>();
            db.Procedures.AddRange(catalogue);
            return await db.SaveChangesAsync();
        });
        var policies = await App.WithScopeAsync(services => services.GetRequiredService<ProcedureService>().PoliciesByCodeAsync());

        Assert.Equal(catalogue.Count, policies.Count);
        Assert.Equal(3, policies["2.002040"].Amount);
        Assert.True(policies["2.000815"].CountsFromNextWorkingDayAfterCutOff);
        Assert.Equal(catalogue.Count, await App.WithDbAsync(db => db.Procedures.CountAsync()));
    }
}

public sealed class ProcedureCatalogueStorageTestsOnSqlite() : ProcedureCatalogueStorageTests(DatabaseKind.Sqlite);

public sealed class ProcedureCatalogueStorageTestsOnPostgres() : ProcedureCatalogueStorageTests(DatabaseKind.Postgres);
