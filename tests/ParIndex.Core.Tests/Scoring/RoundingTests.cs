using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Scoring;

public class RoundingTests
{
    [Theory]
    [InlineData("0.125", "0.13")]
    [InlineData("2.675", "2.68")]
    [InlineData("89.955", "89.96")]
    [InlineData("-1.005", "-1.01")]
    [InlineData("1.004999", "1.00")]
    [InlineData("66.666666666666666666666666667", "66.67")]
    public void Round2RoundsHalfAwayFromZero(string value, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        Assert.Equal(decimal.Parse(expected, culture), Rounding.Round2(decimal.Parse(value, culture)));
    }
}
