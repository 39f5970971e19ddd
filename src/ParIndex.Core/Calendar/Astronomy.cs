namespace ParIndex.Core.Calendar;

/// <summary>
/// The two astronomical quantities the lunisolar calendar needs — the instant of a new moon and the Sun's
/// apparent longitude — from Jean Meeus, <i>Astronomical Algorithms</i>, 2nd ed. (1998): chapter 49
/// (phases of the Moon, full periodic and planetary corrections, error under a minute for our range),
/// chapter 25 (solar coordinates, low accuracy: 0.01°, i.e. about a quarter of an hour of the Sun's motion)
/// and chapter 10 (ΔT, via the Espenak–Meeus polynomials). Meeus' formulas take Dynamical Time (TT);
/// the calendar is defined in civil time, so ΔT converts between the two.
/// </summary>
/// <remarks>
/// All instants are Julian Dates (days since noon UT of 1 January 4713 BC, Julian calendar).
/// Accuracy matters only when a new moon or a solar term falls within minutes of local midnight,
/// which decides which civil day a lunar month begins on; the chapter-49 series is used rather than the
/// shorter 1979 series for exactly that reason.
/// </remarks>
internal static class Astronomy
{
    private const double Rad = Math.PI / 180.0;

    /// <summary>Julian Date of the mean new moon k = 0 (2000 January 6), and the mean synodic month.</summary>
    internal const double NewMoonEpoch = 2451550.09766;
    internal const double SynodicMonth = 29.530588861;

    /// <summary>The Julian Day Number (the day starting at noon UT) of a Gregorian date.</summary>
    internal static int JulianDayNumber(DateOnly date) => date.DayNumber + 1721426;

    internal static DateOnly FromJulianDayNumber(int jdn) => DateOnly.FromDayNumber(jdn - 1721426);

    /// <summary>Instant (Julian Date, TT) of the new moon with Meeus' lunation number <paramref name="k"/>.</summary>
    internal static double NewMoonTT(int k)
    {
        double t = k / 1236.85;
        double t2 = t * t, t3 = t2 * t, t4 = t3 * t;

        double jde = NewMoonEpoch + SynodicMonth * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = Rad * (2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = Rad * (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = Rad * (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double omega = Rad * (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        double c =
            -0.40720 * Math.Sin(mp)
            + 0.17241 * e * Math.Sin(m)
            + 0.01608 * Math.Sin(2 * mp)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(mp - m)
            - 0.00514 * e * Math.Sin(mp + m)
            + 0.00208 * e * e * Math.Sin(2 * m)
            - 0.00111 * Math.Sin(mp - 2 * f)
            - 0.00057 * Math.Sin(mp + 2 * f)
            + 0.00056 * e * Math.Sin(2 * mp + m)
            - 0.00042 * Math.Sin(3 * mp)
            + 0.00042 * e * Math.Sin(m + 2 * f)
            + 0.00038 * e * Math.Sin(m - 2 * f)
            - 0.00024 * e * Math.Sin(2 * mp - m)
            - 0.00017 * Math.Sin(omega)
            - 0.00007 * Math.Sin(mp + 2 * m)
            + 0.00004 * Math.Sin(2 * mp - 2 * f)
            + 0.00004 * Math.Sin(3 * m)
            + 0.00003 * Math.Sin(mp + m - 2 * f)
            + 0.00003 * Math.Sin(2 * mp + 2 * f)
            - 0.00003 * Math.Sin(mp + m + 2 * f)
            + 0.00003 * Math.Sin(mp - m + 2 * f)
            - 0.00002 * Math.Sin(mp - m - 2 * f)
            - 0.00002 * Math.Sin(3 * mp + m)
            + 0.00002 * Math.Sin(4 * mp);

        // Planetary arguments (Meeus table 49.B); coefficients in units of 1e-6 day.
        double planetary =
            325 * Math.Sin(Rad * (299.77 + 0.107408 * k - 0.009173 * t2))
            + 165 * Math.Sin(Rad * (251.88 + 0.016321 * k))
            + 164 * Math.Sin(Rad * (251.83 + 26.651886 * k))
            + 126 * Math.Sin(Rad * (349.42 + 36.412478 * k))
            + 110 * Math.Sin(Rad * (84.66 + 18.206239 * k))
            + 62 * Math.Sin(Rad * (141.74 + 53.303771 * k))
            + 60 * Math.Sin(Rad * (207.14 + 2.453732 * k))
            + 56 * Math.Sin(Rad * (154.84 + 7.306860 * k))
            + 47 * Math.Sin(Rad * (34.52 + 27.261239 * k))
            + 42 * Math.Sin(Rad * (207.19 + 0.121824 * k))
            + 40 * Math.Sin(Rad * (291.34 + 1.844379 * k))
            + 37 * Math.Sin(Rad * (161.72 + 24.198154 * k))
            + 35 * Math.Sin(Rad * (239.56 + 25.513099 * k))
            + 23 * Math.Sin(Rad * (331.55 + 3.592518 * k));

        return jde + c + planetary * 1e-6;
    }

    /// <summary>Instant (Julian Date, UT) of new moon <paramref name="k"/>.</summary>
    internal static double NewMoonUT(int k)
    {
        double tt = NewMoonTT(k);
        return tt - DeltaTSeconds(DecimalYear(tt)) / 86400.0;
    }

    /// <summary>The Sun's apparent geocentric longitude, degrees in [0, 360), at a Julian Date in TT.</summary>
    internal static double SunApparentLongitude(double jde)
    {
        double t = (jde - 2451545.0) / 36525.0;
        double t2 = t * t;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t2;
        double m = Rad * (357.52911 + 35999.05029 * t - 0.0001537 * t2);
        double center =
            (1.914602 - 0.004817 * t - 0.000014 * t2) * Math.Sin(m)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * m)
            + 0.000289 * Math.Sin(3 * m);
        double omega = Rad * (125.04 - 1934.136 * t);
        // Nutation in longitude and aberration, in Meeus' short form (eq. 25.8 context).
        double lambda = l0 + center - 0.00569 - 0.00478 * Math.Sin(omega);
        lambda %= 360.0;
        return lambda < 0 ? lambda + 360.0 : lambda;
    }

    /// <summary>The Sun's apparent longitude at an instant given in UT.</summary>
    internal static double SunApparentLongitudeAtUT(double jdUT) =>
        SunApparentLongitude(jdUT + DeltaTSeconds(DecimalYear(jdUT)) / 86400.0);

    internal static double DecimalYear(double jd) => 2000.0 + (jd - 2451545.0) / 365.2425;

    /// <summary>
    /// ΔT = TT − UT in seconds: the Espenak–Meeus polynomial fits (NASA Five Millennium Canon of Solar
    /// Eclipses, 2006) for 1800–2150. Outside that span the calendar is not supported anyway. The fits
    /// are a few seconds off the observed values in the 2010s–2020s; a few seconds move a new moon's
    /// civil day only if it falls within those seconds of midnight.
    /// </summary>
    internal static double DeltaTSeconds(double y)
    {
        double t;
        if (y < 1860)
        {
            t = y - 1800;
            return 13.72 - 0.332447 * t + 0.0068612 * t * t + 0.0041116 * Math.Pow(t, 3) - 0.00037436 * Math.Pow(t, 4)
                + 0.0000121272 * Math.Pow(t, 5) - 0.0000001699 * Math.Pow(t, 6) + 0.000000000875 * Math.Pow(t, 7);
        }
        if (y < 1900)
        {
            t = y - 1860;
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * Math.Pow(t, 3) - 0.0004473624 * Math.Pow(t, 4)
                + Math.Pow(t, 5) / 233174;
        }
        if (y < 1920)
        {
            t = y - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * Math.Pow(t, 3) - 0.000197 * Math.Pow(t, 4);
        }
        if (y < 1941)
        {
            t = y - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * Math.Pow(t, 3);
        }
        if (y < 1961)
        {
            t = y - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + Math.Pow(t, 3) / 2547;
        }
        if (y < 1986)
        {
            t = y - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - Math.Pow(t, 3) / 718;
        }
        if (y < 2005)
        {
            t = y - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * Math.Pow(t, 3) + 0.000651814 * Math.Pow(t, 4)
                + 0.00002373599 * Math.Pow(t, 5);
        }
        if (y < 2050)
        {
            t = y - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (y - 1820) / 100;
        return -20 + 32 * u * u - 0.5628 * (2150 - y);
    }
}
