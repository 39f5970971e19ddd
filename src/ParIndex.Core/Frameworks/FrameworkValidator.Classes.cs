using static ParIndex.Core.Frameworks.FrameworkProblemCodes;
using static ParIndex.Core.Frameworks.ProblemText;

namespace ParIndex.Core.Frameworks;

public static partial class FrameworkValidator
{
    /// <summary>
    /// Class bands are listed best first and must give every index from 0 to 100 (and beyond, with bonus
    /// points) exactly one class: each band's lower bound is the next band's upper bound.
    /// </summary>
    private sealed partial class Run
    {
        private void Classes(IReadOnlyList<ClassBand> classes)
        {
            if (classes.Count == 0)
            {
                Add("classes", ClassesEmpty, "Bộ tiêu chí chưa có thang xếp loại", "The framework has no class bands");
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var bands = new List<(ClassBand Band, string Path)>();
            for (var i = 0; i < classes.Count; i++)
            {
                var path = $"classes[{i}]";
                if (classes[i] is not { } band)
                {
                    Add(path, NullEntry, $"Xếp loại thứ {i + 1}: mục trống (null)", $"Class {i + 1}: empty entry (null)");
                    continue;
                }
                if (!seen.Add(band.Code))
                    Add(path, DuplicateClassCode, $"Xếp loại {band.NameVi}: mã «{band.Code}» bị trùng",
                        $"Class {band.Name(Language.En)}: the code “{band.Code}” is used more than once");
                if (band.MinIndex >= band.MaxIndex)
                    Add(path, BandInverted,
                        $"Xếp loại {band.NameVi}: khoảng {RangeVi(band.MinIndex, band.MaxIndex)} không chứa giá trị nào (cận dưới phải nhỏ hơn cận trên)",
                        $"Class {band.Name(Language.En)}: the range {RangeEn(band.MinIndex, band.MaxIndex)} is empty (the lower bound must be below the upper bound)");
                else
                    bands.Add((band, path));
            }
            if (bands.Count > 0)
                Coverage(bands);
        }

        private void Coverage(List<(ClassBand Band, string Path)> bands)
        {
            for (var i = 0; i + 1 < bands.Count; i++)
            {
                var (better, worse) = (bands[i].Band, bands[i + 1].Band);
                var path = bands[i + 1].Path;
                var betterLow = better.MinIndex ?? decimal.MinValue;
                var worseLow = worse.MinIndex ?? decimal.MinValue;
                var worseHigh = worse.MaxIndex ?? decimal.MaxValue;

                if (worseLow > betterLow || (worseLow == betterLow && worseHigh > (better.MaxIndex ?? decimal.MaxValue)))
                {
                    // Once the order is wrong, gap and overlap reports between neighbours would only be noise.
                    Add(path, BandsOutOfOrder,
                        $"Xếp loại {worse.NameVi} ({RangeVi(worse.MinIndex, worse.MaxIndex)}) đứng sau {better.NameVi} ({RangeVi(better.MinIndex, better.MaxIndex)}): các xếp loại phải xếp từ cao xuống thấp",
                        $"Class {worse.Name(Language.En)} ({RangeEn(worse.MinIndex, worse.MaxIndex)}) comes after {better.Name(Language.En)} ({RangeEn(better.MinIndex, better.MaxIndex)}): classes must be listed best first");
                    return;
                }
                if (worseHigh > betterLow)
                    Add(path, OverlappingBands,
                        $"Xếp loại {worse.NameVi} ({RangeVi(worse.MinIndex, worse.MaxIndex)}) chồng lên {better.NameVi} ({RangeVi(better.MinIndex, better.MaxIndex)})",
                        $"Class {worse.Name(Language.En)} ({RangeEn(worse.MinIndex, worse.MaxIndex)}) overlaps {better.Name(Language.En)} ({RangeEn(better.MinIndex, better.MaxIndex)})");
                else if (worseHigh < betterLow)
                    Add(path, BandGap,
                        $"Xếp loại {worse.NameVi} kết thúc ở {Vi(worseHigh)} nhưng {better.NameVi} bắt đầu từ {Vi(betterLow)}: chỉ số {RangeVi(worseHigh, betterLow)} không thuộc xếp loại nào",
                        $"Class {worse.Name(Language.En)} ends at {En(worseHigh)} but {better.Name(Language.En)} starts at {En(betterLow)}: an index in {RangeEn(worseHigh, betterLow)} gets no class");
            }

            // Bands are half-open [min, max): a top band ending at 100 would leave a perfect score unclassed.
            var (top, topPath) = bands[0];
            if (top.MaxIndex is { } topMax && topMax <= 100)
                Add(topPath, BandGap,
                    $"Xếp loại cao nhất ({top.NameVi}) kết thúc ở {Vi(topMax)} (không gồm {Vi(topMax)}): chỉ số từ {Vi(topMax)} trở lên không thuộc xếp loại nào; bỏ cận trên của xếp loại này",
                    $"The best class ({top.Name(Language.En)}) ends below {En(topMax)}: an index of {En(topMax)} or more gets no class; leave its upper bound empty");

            var (bottom, bottomPath) = bands[^1];
            if (bottom.MinIndex is { } bottomMin && bottomMin > 0)
                Add(bottomPath, BandGap,
                    $"Xếp loại thấp nhất ({bottom.NameVi}) bắt đầu từ {Vi(bottomMin)}: chỉ số dưới {Vi(bottomMin)} không thuộc xếp loại nào; bỏ cận dưới của xếp loại này",
                    $"The worst class ({bottom.Name(Language.En)}) starts at {En(bottomMin)}: an index below {En(bottomMin)} gets no class; leave its lower bound empty");
        }
    }
}
