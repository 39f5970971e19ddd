using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Units;
using ParIndex.Units.Pages;
using ParIndex.Web;

namespace ParIndex.Accounts.Pages.Admin;

/// <summary>The user fields shared by the new and edit pages, bound as typed so that a refused form comes back as it was sent.</summary>
public abstract class UserFormModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public FormErrors Errors { get; } = new();

    /// <summary>Units that exist today, by kind then Vietnamese name (the lead agencies are departments, the assessed units any kind).</summary>
    public IReadOnlyList<Unit> UnitChoices { get; private set; } = [];

    public abstract bool IsNew { get; }

    protected AppDbContext Db => db;

    protected UserInput Input(string? email) => new(email, DisplayName, Roles, UnitCode, Reason);

    protected async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var today = Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow());
        var units = await db.Units.AsNoTracking().Where(u => u.ValidTo == null || u.ValidTo >= today || u.Code == UnitCode).ToListAsync(cancellationToken);
        UnitChoices = units.OrderBy(u => u.Kind).ThenBy(u => u.NameVi, VietnameseText.Comparer).ToList();
    }
}
