using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using ParIndex.Campaign;

namespace ParIndex.Tests.Campaigns;

/// <summary>A tiny SMTP server on 127.0.0.1 that accepts every message and keeps what it was sent.</summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public FakeSmtpServer()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<(string From, IReadOnlyList<string> To, string Data)> Messages { get; } = new();

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 fake.smtp.test ESMTP");
        string from = "";
        var to = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.ToUpperInvariant();
            if (command.StartsWith("EHLO"))
            {
                await writer.WriteLineAsync("250-fake.smtp.test");
                await writer.WriteLineAsync("250-8BITMIME");
                await writer.WriteLineAsync("250 SMTPUTF8");
            }
            else if (command.StartsWith("HELO"))
                await writer.WriteLineAsync("250 fake.smtp.test");
            else if (command.StartsWith("MAIL FROM:"))
            {
                from = line[10..].Trim();
                to.Clear();
                await writer.WriteLineAsync("250 OK");
            }
            else if (command.StartsWith("RCPT TO:"))
            {
                to.Add(line[8..].Trim().Trim('<', '>'));
                await writer.WriteLineAsync("250 OK");
            }
            else if (command == "DATA")
            {
                await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                var data = new StringBuilder();
                while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    data.Append(dataLine.StartsWith("..") ? dataLine[1..] : dataLine).Append("\r\n");
                Messages.Enqueue((from, [.. to], data.ToString()));
                await writer.WriteLineAsync("250 OK queued");
            }
            else if (command == "QUIT")
            {
                await writer.WriteLineAsync("221 Bye");
                return;
            }
            else
                await writer.WriteLineAsync("250 OK");
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        try { await accepting; } catch (Exception) { }
        stop.Dispose();
    }
}

/// <summary>A sender that fails when told to, counting its calls.</summary>
public sealed class FlakySender : IMailSender
{
    public bool Fail { get; set; } = true;
    public int Calls;

    public Task SendAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return Fail ? throw new System.Net.Mail.SmtpException("Mailbox unavailable: 550 5.1.1 no such user") : Task.CompletedTask;
    }
}

/// <summary>The outbox delivered through a real SMTP conversation (a fake server on 127.0.0.1).</summary>
public abstract class OutboxSmtpTests(DatabaseKind kind) : CampaignTest(kind)
{
    private readonly FakeSmtpServer smtp = new();

    protected override void ConfigureServices(IServiceCollection services) => services.Configure<SmtpOptions>(options =>
    {
        options.Host = "127.0.0.1";
        options.Port = smtp.Port;
        options.From = "cchc@sonoivu.test";
        options.FromName = "Sở Nội vụ";
    });

    private Task AddEmailAsync(string to, string subject, string body) => App.WithDbAsync(async db =>
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        db.OutboxEmails.Add(new OutboxEmail { To = to, Subject = subject, Body = body, CreatedAtUtc = now, NextAttemptAtUtc = now });
        await db.SaveChangesAsync();
    });

    private Task<DeliveryRun> DeliverAsync() => App.WithScopeAsync(services => services.GetRequiredService<OutboxSender>().DeliverDueAsync());

    [Fact]
    public async Task DueEmailsAreSentOnceThroughTheConfiguredServerInUtf8()
    {
        await AddEmailAsync("officer@stp.test", "[ParIndex] Nhắc hạn: giai đoạn tự đánh giá năm 2025 kết thúc ngày 30/11/2025", "Kính gửi anh An,\r\n\r\nCòn 7 ngày.\r\n.\r\nHết.");

        var run = await DeliverAsync();
        var again = await DeliverAsync();

        Assert.Equal((1, 0, true), (run.Sent, run.Failed, run.Configured));
        Assert.Equal(0, again.Sent);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(["officer@stp.test"], message.To);
        Assert.Contains("cchc@sonoivu.test", message.From);
        var subject = Header(message.Data, "Subject");
        Assert.Equal("[ParIndex] Nhắc hạn: giai đoạn tự đánh giá năm 2025 kết thúc ngày 30/11/2025", DecodeHeader(subject));
        Assert.Contains("charset=utf-8", message.Data, StringComparison.OrdinalIgnoreCase);
        var email = Assert.Single(await OutboxAsync());
        Assert.Equal(1, email.Attempts);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, email.SentAtUtc);
        Assert.Null(email.LastError);
        Assert.Null(email.LockedUntilUtc);
    }

    [Fact]
    public async Task TheOutboxPageShowsSentEmailsAndTheServer()
    {
        await AddEmailAsync("head@stp.test", "[ParIndex] Quá hạn", "Nội dung");
        await DeliverAsync();
        var admin = await App.AdminAsync();

        var html = await admin.GetStringAsync("/quan-tri/thu-di");

        Assert.Contains($"127.0.0.1:{smtp.Port}", html);
        Assert.Contains("data-status=\"Sent\"", html);
        Assert.Contains("Đã gửi (1)", html);
    }

    /// <summary>A header's value with its folded continuation lines.</summary>
    private static string Header(string data, string name)
    {
        var lines = data.Split("\r\n");
        var start = Array.FindIndex(lines, l => l.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase));
        Assert.True(start >= 0, $"no {name} header in:\n{data}");
        var value = new List<string> { lines[start][(name.Length + 2)..] };
        for (var i = start + 1; i < lines.Length && lines[i].Length > 0 && char.IsWhiteSpace(lines[i][0]); i++)
            value.Add(lines[i]);
        return string.Join("\r\n", value);
    }

    private static string DecodeHeader(string header) => string.Concat(Regex.Split(header, "\r\n\\s+").Select(part =>
    {
        var encoded = Regex.Match(part.Trim(), "^=\\?utf-8\\?(B|Q)\\?(.*)\\?=$", RegexOptions.IgnoreCase);
        if (!encoded.Success)
            return part;
        return encoded.Groups[1].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Groups[2].Value))
            : Encoding.UTF8.GetString(QuotedPrintable(encoded.Groups[2].Value.Replace('_', ' ')));
    }));

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.Add((byte)text[i]);
        }
        return [.. bytes];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await smtp.DisposeAsync();
    }
}

public sealed class OutboxSmtpTestsOnSqlite() : OutboxSmtpTests(DatabaseKind.Sqlite);

public sealed class OutboxSmtpTestsOnPostgres() : OutboxSmtpTests(DatabaseKind.Postgres);

/// <summary>Failed deliveries: recorded, retried later with a growing wait, given up after the maximum, retried by hand.</summary>
public abstract class OutboxFailureTests(DatabaseKind kind) : CampaignTest(kind)
{
    private readonly FlakySender sender = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IMailSender>(sender);
        services.Configure<SmtpOptions>(options =>
        {
            options.Host = "smtp.invalid";
            options.From = "cchc@sonoivu.test";
            options.MaxAttempts = 3;
        });
    }

    private Task<DeliveryRun> DeliverAsync() => App.WithScopeAsync(services => services.GetRequiredService<OutboxSender>().DeliverDueAsync());

    [Fact]
    public async Task AFailureIsRecordedAndTriedAgainLaterUntilTheMaximumThenByHand()
    {
        await App.WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            db.OutboxEmails.Add(new OutboxEmail { To = "nobody@stp.test", Subject = "Nhắc hạn", Body = "…", CreatedAtUtc = now, NextAttemptAtUtc = now });
            await db.SaveChangesAsync();
        });

        var first = await DeliverAsync();
        var tooSoon = await DeliverAsync();
        var afterFirst = Assert.Single(await OutboxAsync());

        Assert.Equal((0, 1), (first.Sent, first.Failed));
        Assert.Equal(0, tooSoon.Failed + tooSoon.Sent);
        Assert.Equal(1, afterFirst.Attempts);
        Assert.Contains("550 5.1.1 no such user", afterFirst.LastError);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime.AddMinutes(1), afterFirst.NextAttemptAtUtc);

        Clock.Advance(TimeSpan.FromMinutes(2));
        await DeliverAsync();
        Clock.Advance(TimeSpan.FromMinutes(6));
        await DeliverAsync();
        Clock.Advance(TimeSpan.FromDays(1));
        var gaveUp = await DeliverAsync();
        var failed = Assert.Single(await OutboxAsync());
        Assert.Equal(3, sender.Calls);
        Assert.Equal(0, gaveUp.Failed);
        Assert.Equal(OutboxStatus.Failed, OutboxSender.StatusOf(failed, 3));

        var admin = await App.AdminAsync();
        var page = await admin.GetStringAsync("/quan-tri/thu-di?status=Failed");
        Assert.Contains("data-status=\"Failed\"", page);
        Assert.Contains("550 5.1.1 no such user", page);
        var retry = await PostFormAsync(admin, "/quan-tri/thu-di", $"/quan-tri/thu-di?handler=Retry&id={failed.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        sender.Fail = false;
        var delivered = await PostFormAsync(admin, "/quan-tri/thu-di", "/quan-tri/thu-di?handler=Deliver", []);
        Assert.Equal(HttpStatusCode.Redirect, delivered.StatusCode);
        Assert.Contains("Đã gửi 1 thư, 0 thư lỗi.", await admin.GetStringAsync("/quan-tri/thu-di"));
        var sent = Assert.Single(await OutboxAsync());
        Assert.NotNull(sent.SentAtUtc);
        Assert.Equal(1, sent.Attempts);
    }
}

public sealed class OutboxFailureTestsOnSqlite() : OutboxFailureTests(DatabaseKind.Sqlite);

public sealed class OutboxFailureTestsOnPostgres() : OutboxFailureTests(DatabaseKind.Postgres);

/// <summary>Without SMTP nothing is sent, and administrators still see every email waiting.</summary>
public abstract class OutboxWithoutSmtpTests(DatabaseKind kind) : CampaignTest(kind)
{
    [Fact]
    public async Task EmailsWaitInTheOutboxWhereAdministratorsSeeThem()
    {
        await SmallCity.BuildAsync(App, publish: false);
        await CreateUserAsync("officer@stp.test", Roles.UnitOfficer, "STP");
        await OpenPhaseAsync(2025, CampaignPhaseKind.SelfAssessment, new(2025, 11, 1), new(2025, 11, 27));
        await RemindAsync();
        var admin = await App.AdminAsync();

        var run = await App.WithScopeAsync(services => services.GetRequiredService<OutboxSender>().DeliverDueAsync());
        var html = await admin.GetStringAsync("/quan-tri/thu-di");
        var api = await JsonAsync(await admin.GetAsync("/api/v1/outbox?status=Pending"));

        Assert.False(run.Configured);
        Assert.Contains("Chưa cấu hình máy chủ thư", html);
        Assert.Contains("officer@stp.test", html);
        Assert.Contains("Chờ (chưa cấu hình SMTP) (1)", html);
        Assert.Contains("Kính gửi officer@stp.test", html);
        Assert.False(api.GetProperty("smtpConfigured").GetBoolean());
        Assert.Equal(1, api.GetProperty("total").GetInt32());
        Assert.DoesNotContain("handler=Deliver", html);
        var officer = await App.SignInAsync("officer@stp.test", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/outbox")).StatusCode);
    }
}

public sealed class OutboxWithoutSmtpTestsOnSqlite() : OutboxWithoutSmtpTests(DatabaseKind.Sqlite);

public sealed class OutboxWithoutSmtpTestsOnPostgres() : OutboxWithoutSmtpTests(DatabaseKind.Postgres);
