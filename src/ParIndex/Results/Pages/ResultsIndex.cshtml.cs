using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ParIndex.Accounts;
using ParIndex.Web;

namespace ParIndex.Results.Pages;

/// <summary>The years and blocks with published results, newest year first (administrators also see unpublished ones, flagged).</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class ResultsIndexModel(ResultsQuery query) : PageModel
{
    public IReadOnlyList<IGrouping<int, AvailableResults>> Years { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        IsAdmin = User.IsInRole(Roles.Administrator);
        var available = await query.AvailableAsync(IsAdmin, cancellationToken);
        Years = available
            .OrderByDescending(a => a.Year)
            .ThenBy(a => ResultsUi.BlockName(a.BlockNameVi, a.BlockNameEn), VietnameseText.Comparer)
            .GroupBy(a => a.Year)
            .ToList();
    }
}
