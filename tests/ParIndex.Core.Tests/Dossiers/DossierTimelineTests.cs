using ParIndex.Core.Dossiers;

namespace ParIndex.Core.Tests.Dossiers;

public class DossierTimelineTests
{
    private static DateTimeOffset At(int month, int day, int hour = 9, int minute = 0, int second = 0) =>
        new(2025, month, day, hour, minute, second, TimeSpan.FromHours(7));

    private static readonly DateTimeOffset Received = At(3, 3);

    [Fact]
    public void EventsAreSortedAndTheSameKindAtTheSameSecondIsKeptOnce()
    {
        var events = DossierTimeline.Normalize(
        [
            new(DossierEventKind.ResultReturned, At(3, 6)),
            new(DossierEventKind.ProcessingDone, At(3, 5, 10, 0, 0)),
            new(DossierEventKind.ProcessingDone, At(3, 5, 10, 0, 0).AddMilliseconds(400)),
            new(DossierEventKind.ProcessingDone, At(3, 5, 10, 0, 1)),
        ]);

        Assert.Equal(
        [
            new(DossierEventKind.ProcessingDone, At(3, 5, 10)),
            new(DossierEventKind.ProcessingDone, At(3, 5, 10, 0, 1)),
            new(DossierEventKind.ResultReturned, At(3, 6)),
        ], events);
    }

    [Fact]
    public void SortingInPlaceGivesTheSameTimeline()
    {
        DossierEvent[] raw =
        [
            new(DossierEventKind.ProcessingDone, At(3, 7)),
            new(DossierEventKind.SupplementCompleted, At(3, 5)),
            new(DossierEventKind.SupplementRequested, At(3, 4)),
            new(DossierEventKind.ProcessingDone, At(3, 7)),
        ];
        var expected = DossierTimeline.Normalize(raw);

        var length = DossierTimeline.NormalizeInPlace(raw);

        Assert.Equal(expected, raw[..length]);
    }

    [Fact]
    public void ATimelineSurvivesEncodingAndDecoding()
    {
        var events = DossierTimeline.Normalize(
        [
            new(DossierEventKind.SupplementRequested, At(3, 4, 10, 15, 7)),
            new(DossierEventKind.SupplementCompleted, At(3, 5)),
            new(DossierEventKind.ProcessingDone, At(3, 6)),
            new(DossierEventKind.ResultReturned, At(3, 7)),
            new(DossierEventKind.Refused, At(3, 8)),
            new(DossierEventKind.Stopped, At(3, 9)),
            new(DossierEventKind.Withdrawn, At(3, 10)),
        ]);

        var text = DossierTimeline.Encode(events);

        Assert.StartsWith("S" + At(3, 4, 10, 15, 7).ToUnixTimeSeconds() + " C", text);
        Assert.Equal(events, DossierTimeline.Decode(text));
        Assert.Empty(DossierTimeline.Decode(""));
        Assert.Equal("", DossierTimeline.Encode([]));
        Assert.Throws<FormatException>(() => DossierTimeline.Decode("Q123"));
    }

    [Fact]
    public void AnEventBeforeTheReceiptIsReportedOnItsColumn()
    {
        var problems = DossierTimeline.Validate(Received, [new(DossierEventKind.ProcessingDone, At(3, 2))]);

        var problem = Assert.Single(problems!);
        Assert.Equal(DossierFields.DoneAt, problem.Field);
        Assert.Contains("trước thời điểm tiếp nhận", problem.Vi);
    }

    [Fact]
    public void ASupplementReceivedWithoutARequestIsOutOfOrder()
    {
        var problems = DossierTimeline.Validate(Received, DossierTimeline.Normalize(
        [
            new(DossierEventKind.SupplementCompleted, At(3, 4)),
            new(DossierEventKind.SupplementRequested, At(3, 5)),
        ]));

        var problem = Assert.Single(problems!);
        Assert.Equal(DossierFields.SupplementCompletedAt, problem.Field);
        Assert.Contains("out of order", problem.En);
    }

    [Fact]
    public void AResultReturnedBeforeProcessingWasDoneIsOutOfOrder()
    {
        var problems = DossierTimeline.Validate(Received, DossierTimeline.Normalize(
        [
            new(DossierEventKind.ResultReturned, At(3, 4)),
            new(DossierEventKind.ProcessingDone, At(3, 5)),
        ]));

        Assert.Equal(DossierFields.ReturnedAt, Assert.Single(problems!).Field);
    }

    [Fact]
    public void ASupplementRequestedAfterTheEndIsReported()
    {
        var problems = DossierTimeline.Validate(Received, DossierTimeline.Normalize(
        [
            new(DossierEventKind.Refused, At(3, 4)),
            new(DossierEventKind.SupplementRequested, At(3, 5)),
        ]));

        Assert.Equal(DossierFields.SupplementRequestedAt, Assert.Single(problems!).Field);
    }

    [Fact]
    public void ReceiptsAndEventsInTheFutureAreReported()
    {
        var now = At(3, 3, 12);
        var problems = DossierTimeline.Validate(At(3, 10), [new(DossierEventKind.ProcessingDone, At(3, 11))], now);

        Assert.Equal([DossierFields.ReceivedAt, DossierFields.DoneAt], problems!.Select(p => p.Field));
    }

    [Fact]
    public void AnOrdinaryTimelineHasNoProblem()
    {
        var problems = DossierTimeline.Validate(Received, DossierTimeline.Normalize(
        [
            new(DossierEventKind.SupplementRequested, At(3, 4)),
            new(DossierEventKind.SupplementCompleted, At(3, 5)),
            new(DossierEventKind.ProcessingDone, At(3, 6)),
            new(DossierEventKind.ResultReturned, At(3, 7)),
        ]), now: At(3, 8));

        Assert.Null(problems);
    }

    [Fact]
    public void StoredEnumNumbersNeverChange()
    {
        Assert.Equal([1, 2, 3], Enum.GetValues<DossierChannel>().Select(v => (int)v));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], Enum.GetValues<DossierEventKind>().Select(v => (int)v));
        Assert.Equal([0, 1, 2], Enum.GetValues<DossierPayment>().Select(v => (int)v));
        Assert.Equal([0, 1, 2, 3], Enum.GetValues<DossierRating>().Select(v => (int)v));
        Assert.Equal([0, 1, 2], Enum.GetValues<DossierOutcome>().Select(v => (int)v));
    }
}
