using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Data;

namespace ParIndex.Campaign;

/// <summary>
/// SMTP delivery of the outbox (section <c>Smtp</c>). Nothing is sent while <see cref="Host"/> or <see cref="From"/>
/// is empty; emails then wait in the outbox, which administrators see either way. System.Net.Mail speaks plain SMTP
/// and STARTTLS (<see cref="EnableSsl"/>, usually port 587), not implicit TLS on port 465.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? From { get; set; }
    public string? FromName { get; set; } = "ParIndex";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>After this many failed attempts an email is left as failed (an administrator can retry it).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often the delivery service looks for due emails.</summary>
    public int PollSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);
}

/// <summary>Sends one email; swapped in tests.</summary>
public interface IMailSender
{
    Task SendAsync(OutboxEmail email, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server with System.Net.Mail (UTF-8 subject and body, plain text).</summary>
public sealed class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    public async Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = smtp.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.From!, smtp.FromName, Encoding.UTF8),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = email.Body,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(email.To));
        await client.SendMailAsync(message, cancellationToken);
    }
}

public enum OutboxStatus
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending,
    Sent,
    /// <summary>Gave up after the maximum number of attempts.</summary>
    Failed,
}

public sealed record DeliveryRun(int Sent, int Failed, int Skipped, bool Configured);

/// <summary>
/// Delivers due emails of the outbox: claims each one with a conditional update (so two app instances never send
/// the same email), sends it, and records the result — sent, or the error and a later next attempt.
/// </summary>
public sealed class OutboxSender(AppDbContext db, IMailSender sender, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<OutboxSender> logger)
{
    /// <summary>How long a claim holds; longer than any send can take.</summary>
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);

    public static OutboxStatus StatusOf(OutboxEmail email, int maxAttempts) =>
        email.SentAtUtc is not null ? OutboxStatus.Sent : email.Attempts >= maxAttempts ? OutboxStatus.Failed : OutboxStatus.Pending;

    /// <summary>Waits after the n-th failure: 1 min, 5 min, 30 min, 2 h, then 12 h.</summary>
    public static TimeSpan Backoff(int attempts) => attempts switch
    {
        <= 1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        4 => TimeSpan.FromHours(2),
        _ => TimeSpan.FromHours(12),
    };

    public async Task<DeliveryRun> DeliverDueAsync(int max = 100, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        if (!smtp.IsConfigured)
            return new DeliveryRun(0, 0, 0, Configured: false);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxEmails.AsNoTracking()
            .Where(e => e.SentAtUtc == null && e.Attempts < smtp.MaxAttempts && e.NextAttemptAtUtc <= now && (e.LockedUntilUtc == null || e.LockedUntilUtc < now))
            .OrderBy(e => e.NextAttemptAtUtc).ThenBy(e => e.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        int sent = 0, failed = 0, skipped = 0;
        foreach (var email in due)
        {
            var claimedUntil = clock.GetUtcNow().UtcDateTime + Claim;
            var claimAt = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.OutboxEmails
                .Where(e => e.Id == email.Id && e.SentAtUtc == null && (e.LockedUntilUtc == null || e.LockedUntilUtc < claimAt))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.LockedUntilUtc, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                skipped++;
                continue;
            }
            string? error = null;
            try
            {
                await sender.SendAsync(email, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                error = Describe(exception);
                logger.LogWarning("Email {Id} to {To} not sent: {Error}", email.Id, email.To, error);
            }
            var at = clock.GetUtcNow().UtcDateTime;
            var attempts = email.Attempts + 1;
            if (error is null)
            {
                await db.OutboxEmails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(e => e.SentAtUtc, at)
                    .SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.LastError, (string?)null)
                    .SetProperty(e => e.LockedUntilUtc, (DateTime?)null), cancellationToken);
                sent++;
            }
            else
            {
                var next = at + Backoff(attempts);
                var message = error.Length > 2000 ? error[..2000] : error;
                await db.OutboxEmails.Where(e => e.Id == email.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(e => e.Attempts, attempts)
                    .SetProperty(e => e.LastError, message)
                    .SetProperty(e => e.NextAttemptAtUtc, next)
                    .SetProperty(e => e.LockedUntilUtc, (DateTime?)null), cancellationToken);
                failed++;
            }
        }
        return new DeliveryRun(sent, failed, skipped, Configured: true);
    }

    /// <summary>Puts a failed (or waiting) email back in line for an attempt now; false when it is already sent or unknown.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.OutboxEmails.Where(e => e.Id == id && e.SentAtUtc == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Attempts, 0)
                .SetProperty(e => e.NextAttemptAtUtc, now)
                .SetProperty(e => e.LockedUntilUtc, (DateTime?)null), cancellationToken) > 0;
    }

    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
            parts.Add(e.Message);
        return string.Join(" → ", parts.Distinct());
    }
}

/// <summary>Runs <see cref="OutboxSender"/> every <see cref="SmtpOptions.PollSeconds"/> while SMTP is configured.</summary>
public sealed class OutboxDeliveryService(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<OutboxDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.IsConfigured)
        {
            logger.LogInformation("SMTP is not configured (Smtp:Host, Smtp:From): emails stay in the outbox.");
            return;
        }
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxSender>().DeliverDueAsync(cancellationToken: stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Outbox delivery failed; trying again in {Period}", period);
            }
            try
            {
                await Task.Delay(period, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
