using ParIndex.Accounts;
using ParIndex.Audit;
using ParIndex.Data;

namespace ParIndex.Campaign;

/// <summary>The campaign feature (phases and their gate, progress, reminders, notifications, outbox) and the audit trail's readers.</summary>
public static class CampaignSetup
{
    public static IHostApplicationBuilder AddCampaign(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<PhaseService>();
        builder.Services.AddScoped<IPhaseGate, PhaseGate>();
        builder.Services.AddScoped<CampaignProgressQuery>();
        builder.Services.AddScoped<NotificationService>();
        builder.Services.AddScoped<ReminderService>();
        builder.Services.AddScoped<OutboxSender>();
        builder.Services.AddScoped<OutboxQuery>();
        builder.Services.AddSingleton<IMailSender, SmtpMailSender>();
        builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Campaign:Reminders"));
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Smtp"));
        builder.Services.AddHostedService<ReminderScheduler>();
        builder.Services.AddHostedService<OutboxDeliveryService>();

        builder.Services.AddScoped<AuditQuery>();
        // The trail is append-only: any SaveChanges that would change or delete an entry fails (AuditAppendOnlyInterceptor).
        builder.Services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(new AuditAppendOnlyInterceptor()));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CampaignPolicies.Participant, policy => policy.RequireRole(CampaignPolicies.ParticipantRoles))
            .AddPolicy(AuditPolicies.Reader, policy => policy.RequireRole(Roles.Administrator, Roles.Viewer));
        return builder;
    }
}
