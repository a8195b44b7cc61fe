using System.Collections.Generic;
using System.Linq;
using FluentValidation;
using Reports.Core.Editions;

namespace Reports.Core.Benchmarks;

/// <summary>
/// The 2021 report as a team would model it without this library: nested classes with <c>int</c> properties
/// (money as <c>decimal</c>), one class per row shape.
/// </summary>
public sealed class Poco2021
{
    public ActiveDisclosurePoco ActiveDisclosure { get; set; } = new();

    public ApplicationsPoco Applications { get; set; } = new();

    public ReviewAndLitigationPoco ReviewAndLitigation { get; set; } = new();

    public static Poco2021 From(Report2021 r)
    {
        var a = r.Applications;
        var res = a.Results;
        return new Poco2021
        {
            ActiveDisclosure = new ActiveDisclosurePoco
            {
                Regulation = Documents(r.ActiveDisclosure.Item1.Regulation),
                AdminNormative = Documents(r.ActiveDisclosure.Item1.AdminNormative),
                LicensingDecisions = r.ActiveDisclosure.Item5.Licensing.Decisions,
                PenaltyDecisions = r.ActiveDisclosure.Item6.Penalty.Decisions,
                CoercionDecisions = r.ActiveDisclosure.Item6.Coercion.Decisions,
                FeeAmount = r.ActiveDisclosure.Item8.Fee.Amount,
            },
            Applications = new ApplicationsPoco
            {
                NewReceived = Row(a.NewReceived),
                CarriedIn = Row(a.CarriedIn),
                Granted = Row(res.Granted),
                PartiallyGranted = Row(res.PartiallyGranted),
                Withheld = new List<ApplicantCounts>
                {
                    Row(res.Withheld.StateSecret), Row(res.Withheld.ProhibitedByLaw), Row(res.Withheld.EndangersSecurityStability), Row(res.Withheld.ThirdPartyRights),
                    Row(res.Withheld.InternalAffairs), Row(res.Withheld.ProcessInformation), Row(res.Withheld.EnforcementFile), Row(res.Withheld.AdministrativeQuery),
                },
                UnableToProvide = new List<ApplicantCounts> { Row(res.UnableToProvide.NotHeld), Row(res.UnableToProvide.NeedsCreation), Row(res.UnableToProvide.StillUnclear) },
                NotProcessed = new List<ApplicantCounts>
                {
                    Row(res.NotProcessed.Petition), Row(res.NotProcessed.Duplicate), Row(res.NotProcessed.Publication), Row(res.NotProcessed.Excessive), Row(res.NotProcessed.ConfirmOrReissue),
                },
                OtherHandling = new List<ApplicantCounts> { Row(res.OtherHandling.NoCorrection), Row(res.OtherHandling.FeeUnpaid), Row(res.OtherHandling.Other) },
                ResultsTotal = Row(res.Total),
                CarriedOut = Row(a.CarriedOut),
            },
            ReviewAndLitigation = new ReviewAndLitigationPoco
            {
                Review = Outcomes(r.ReviewAndLitigation.Review.Upheld, r.ReviewAndLitigation.Review.Corrected, r.ReviewAndLitigation.Review.Other, r.ReviewAndLitigation.Review.Pending, r.ReviewAndLitigation.Review.Total),
                LitigationDirect = Outcomes(r.ReviewAndLitigation.LitigationDirect.Upheld, r.ReviewAndLitigation.LitigationDirect.Corrected, r.ReviewAndLitigation.LitigationDirect.Other, r.ReviewAndLitigation.LitigationDirect.Pending, r.ReviewAndLitigation.LitigationDirect.Total),
                LitigationAfterReview = Outcomes(r.ReviewAndLitigation.LitigationAfterReview.Upheld, r.ReviewAndLitigation.LitigationAfterReview.Corrected, r.ReviewAndLitigation.LitigationAfterReview.Other, r.ReviewAndLitigation.LitigationAfterReview.Pending, r.ReviewAndLitigation.LitigationAfterReview.Total),
            },
        };

        static DocumentCounts Documents(Report2021.Item1Row row) => new() { Issued = row.Issued, Repealed = row.Repealed, InForce = row.InForce };

        static ApplicantCounts Row(Report2021.ApplicationsRow row) => new()
        {
            NaturalPerson = row.NaturalPerson, CommercialEnterprise = row.CommercialEnterprise, ResearchInstitution = row.ResearchInstitution,
            PublicInterestOrganization = row.PublicInterestOrganization, LegalServiceAgency = row.LegalServiceAgency, Other = row.Other, Total = row.Total,
        };

        static OutcomeCounts Outcomes(int upheld, int corrected, int other, int pending, int total) =>
            new() { Upheld = upheld, Corrected = corrected, Other = other, Pending = pending, Total = total };
    }
}

public sealed class DocumentCounts
{
    public int Issued { get; set; }

    public int Repealed { get; set; }

    public int InForce { get; set; }
}

public sealed class ActiveDisclosurePoco
{
    public DocumentCounts Regulation { get; set; } = new();

    public DocumentCounts AdminNormative { get; set; } = new();

    public int LicensingDecisions { get; set; }

    public int PenaltyDecisions { get; set; }

    public int CoercionDecisions { get; set; }

    public decimal FeeAmount { get; set; }
}

public sealed class ApplicantCounts
{
    public int NaturalPerson { get; set; }

    public int CommercialEnterprise { get; set; }

    public int ResearchInstitution { get; set; }

    public int PublicInterestOrganization { get; set; }

    public int LegalServiceAgency { get; set; }

    public int Other { get; set; }

    public int Total { get; set; }
}

public sealed class ApplicationsPoco
{
    public ApplicantCounts NewReceived { get; set; } = new();

    public ApplicantCounts CarriedIn { get; set; } = new();

    public ApplicantCounts Granted { get; set; } = new();

    public ApplicantCounts PartiallyGranted { get; set; } = new();

    public List<ApplicantCounts> Withheld { get; set; } = new();

    public List<ApplicantCounts> UnableToProvide { get; set; } = new();

    public List<ApplicantCounts> NotProcessed { get; set; } = new();

    public List<ApplicantCounts> OtherHandling { get; set; } = new();

    public ApplicantCounts ResultsTotal { get; set; } = new();

    public ApplicantCounts CarriedOut { get; set; } = new();

    /// <summary>（一）…（六）: every outcome row that （七）总计 sums.</summary>
    public IEnumerable<ApplicantCounts> Outcomes() =>
        new[] { Granted, PartiallyGranted }.Concat(Withheld).Concat(UnableToProvide).Concat(NotProcessed).Concat(OtherHandling);
}

public sealed class OutcomeCounts
{
    public int Upheld { get; set; }

    public int Corrected { get; set; }

    public int Other { get; set; }

    public int Pending { get; set; }

    public int Total { get; set; }
}

public sealed class ReviewAndLitigationPoco
{
    public OutcomeCounts Review { get; set; } = new();

    public OutcomeCounts LitigationDirect { get; set; } = new();

    public OutcomeCounts LitigationAfterReview { get; set; } = new();
}

/// <summary>The hard rules (H1–H5) of the 2021 edition as typed FluentValidation rules, the way a team would write them.</summary>
public sealed class TypedFluentValidator : AbstractValidator<Poco2021>
{
    public TypedFluentValidator()
    {
        RuleFor(r => r.ActiveDisclosure).SetValidator(new ActiveDisclosureValidator());
        RuleFor(r => r.Applications).SetValidator(new ApplicationsValidator());
        RuleFor(r => r.ReviewAndLitigation.Review).SetValidator(new OutcomesValidator());
        RuleFor(r => r.ReviewAndLitigation.LitigationDirect).SetValidator(new OutcomesValidator());
        RuleFor(r => r.ReviewAndLitigation.LitigationAfterReview).SetValidator(new OutcomesValidator());
    }

    private sealed class DocumentsValidator : AbstractValidator<DocumentCounts>
    {
        public DocumentsValidator()
        {
            RuleFor(d => d.Issued).GreaterThanOrEqualTo(0);
            RuleFor(d => d.Repealed).GreaterThanOrEqualTo(0);
            RuleFor(d => d.InForce).GreaterThanOrEqualTo(0);
        }
    }

    private sealed class ActiveDisclosureValidator : AbstractValidator<ActiveDisclosurePoco>
    {
        public ActiveDisclosureValidator()
        {
            RuleFor(a => a.Regulation).SetValidator(new DocumentsValidator());
            RuleFor(a => a.AdminNormative).SetValidator(new DocumentsValidator());
            RuleFor(a => a.LicensingDecisions).GreaterThanOrEqualTo(0);
            RuleFor(a => a.PenaltyDecisions).GreaterThanOrEqualTo(0);
            RuleFor(a => a.CoercionDecisions).GreaterThanOrEqualTo(0);
            RuleFor(a => a.FeeAmount).InclusiveBetween(0m, 1_000_000_000_000_000m);
        }
    }

    /// <summary>H5 for every cell, H1: 总计 = the six applicant columns.</summary>
    private sealed class RowValidator : AbstractValidator<ApplicantCounts>
    {
        public RowValidator()
        {
            RuleFor(r => r.NaturalPerson).GreaterThanOrEqualTo(0);
            RuleFor(r => r.CommercialEnterprise).GreaterThanOrEqualTo(0);
            RuleFor(r => r.ResearchInstitution).GreaterThanOrEqualTo(0);
            RuleFor(r => r.PublicInterestOrganization).GreaterThanOrEqualTo(0);
            RuleFor(r => r.LegalServiceAgency).GreaterThanOrEqualTo(0);
            RuleFor(r => r.Other).GreaterThanOrEqualTo(0);
            RuleFor(r => r.Total).GreaterThanOrEqualTo(0)
                .Equal(r => r.NaturalPerson + r.CommercialEnterprise + r.ResearchInstitution + r.PublicInterestOrganization + r.LegalServiceAgency + r.Other)
                .WithMessage("H1: 总计 must equal the sum of the applicant columns");
        }
    }

    /// <summary>H2 per column (（七）总计 = every outcome row), H3 per column (新收 + 结转 = 总计 + 结转下年度).</summary>
    private sealed class ApplicationsValidator : AbstractValidator<ApplicationsPoco>
    {
        public ApplicationsValidator()
        {
            var row = new RowValidator();
            RuleFor(a => a.NewReceived).SetValidator(row);
            RuleFor(a => a.CarriedIn).SetValidator(row);
            RuleFor(a => a.Granted).SetValidator(row);
            RuleFor(a => a.PartiallyGranted).SetValidator(row);
            RuleForEach(a => a.Withheld).SetValidator(row);
            RuleForEach(a => a.UnableToProvide).SetValidator(row);
            RuleForEach(a => a.NotProcessed).SetValidator(row);
            RuleForEach(a => a.OtherHandling).SetValidator(row);
            RuleFor(a => a.ResultsTotal).SetValidator(row);
            RuleFor(a => a.CarriedOut).SetValidator(row);
            Column(c => c.NaturalPerson, "自然人");
            Column(c => c.CommercialEnterprise, "商业企业");
            Column(c => c.ResearchInstitution, "科研机构");
            Column(c => c.PublicInterestOrganization, "社会公益组织");
            Column(c => c.LegalServiceAgency, "法律服务机构");
            Column(c => c.Other, "其他");
            Column(c => c.Total, "总计");
        }

        private void Column(System.Func<ApplicantCounts, int> cell, string name)
        {
            RuleFor(a => cell(a.ResultsTotal)).Equal(a => a.Outcomes().Sum(cell)).OverridePropertyName("H2[" + name + "]").WithMessage("H2[" + name + "]: （七）总计 must equal the sum of the outcome rows");
            RuleFor(a => cell(a.NewReceived) + cell(a.CarriedIn)).Equal(a => cell(a.ResultsTotal) + cell(a.CarriedOut)).OverridePropertyName("H3[" + name + "]").WithMessage("H3[" + name + "]: 新收 + 上年结转 must equal 总计 + 结转下年度");
        }
    }

    /// <summary>H4: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, and H5.</summary>
    private sealed class OutcomesValidator : AbstractValidator<OutcomeCounts>
    {
        public OutcomesValidator()
        {
            RuleFor(o => o.Upheld).GreaterThanOrEqualTo(0);
            RuleFor(o => o.Corrected).GreaterThanOrEqualTo(0);
            RuleFor(o => o.Other).GreaterThanOrEqualTo(0);
            RuleFor(o => o.Pending).GreaterThanOrEqualTo(0);
            RuleFor(o => o.Total).GreaterThanOrEqualTo(0).Equal(o => o.Upheld + o.Corrected + o.Other + o.Pending).WithMessage("H4: 总计 must equal the sum of the outcomes");
        }
    }
}

/// <summary>The practical floor: the same hard rules over the same POCO as plain <c>if</c>s, no framework.</summary>
public static class HandWrittenValidator
{
    public static bool IsValid(Poco2021 r)
    {
        ActiveDisclosurePoco d = r.ActiveDisclosure;
        if (d.Regulation.Issued < 0 || d.Regulation.Repealed < 0 || d.Regulation.InForce < 0
            || d.AdminNormative.Issued < 0 || d.AdminNormative.Repealed < 0 || d.AdminNormative.InForce < 0
            || d.LicensingDecisions < 0 || d.PenaltyDecisions < 0 || d.CoercionDecisions < 0
            || d.FeeAmount < 0m || d.FeeAmount > 1_000_000_000_000_000m)
        {
            return false;
        }

        ApplicationsPoco a = r.Applications;
        if (!Row(a.NewReceived) || !Row(a.CarriedIn) || !Row(a.Granted) || !Row(a.PartiallyGranted) || !Row(a.ResultsTotal) || !Row(a.CarriedOut))
        {
            return false;
        }

        var sums = default(Sums);
        if (!sums.Add(a.Granted) || !sums.Add(a.PartiallyGranted) || !sums.AddAll(a.Withheld) || !sums.AddAll(a.UnableToProvide)
            || !sums.AddAll(a.NotProcessed) || !sums.AddAll(a.OtherHandling))
        {
            return false;
        }

        long np = sums.NaturalPerson, biz = sums.CommercialEnterprise, res = sums.ResearchInstitution, pub = sums.PublicInterestOrganization;
        long legal = sums.LegalServiceAgency, other = sums.Other, total = sums.Total;
        ApplicantCounts t = a.ResultsTotal;
        if (t.NaturalPerson != np || t.CommercialEnterprise != biz || t.ResearchInstitution != res || t.PublicInterestOrganization != pub
            || t.LegalServiceAgency != legal || t.Other != other || t.Total != total)
        {
            return false;
        }

        ApplicantCounts n = a.NewReceived, c = a.CarriedIn, o = a.CarriedOut;
        if ((long)n.NaturalPerson + c.NaturalPerson != (long)t.NaturalPerson + o.NaturalPerson
            || (long)n.CommercialEnterprise + c.CommercialEnterprise != (long)t.CommercialEnterprise + o.CommercialEnterprise
            || (long)n.ResearchInstitution + c.ResearchInstitution != (long)t.ResearchInstitution + o.ResearchInstitution
            || (long)n.PublicInterestOrganization + c.PublicInterestOrganization != (long)t.PublicInterestOrganization + o.PublicInterestOrganization
            || (long)n.LegalServiceAgency + c.LegalServiceAgency != (long)t.LegalServiceAgency + o.LegalServiceAgency
            || (long)n.Other + c.Other != (long)t.Other + o.Other
            || (long)n.Total + c.Total != (long)t.Total + o.Total)
        {
            return false;
        }

        ReviewAndLitigationPoco l = r.ReviewAndLitigation;
        return Outcomes(l.Review) && Outcomes(l.LitigationDirect) && Outcomes(l.LitigationAfterReview);

    }

    private static bool Row(ApplicantCounts x) =>
            x.NaturalPerson >= 0 && x.CommercialEnterprise >= 0 && x.ResearchInstitution >= 0 && x.PublicInterestOrganization >= 0
            && x.LegalServiceAgency >= 0 && x.Other >= 0 && x.Total >= 0
            && x.Total == (long)x.NaturalPerson + x.CommercialEnterprise + x.ResearchInstitution + x.PublicInterestOrganization + x.LegalServiceAgency + x.Other;

    private static bool Outcomes(OutcomeCounts x) =>
        x.Upheld >= 0 && x.Corrected >= 0 && x.Other >= 0 && x.Pending >= 0 && x.Total >= 0
        && x.Total == (long)x.Upheld + x.Corrected + x.Other + x.Pending;

    private struct Sums
    {
        public long NaturalPerson, CommercialEnterprise, ResearchInstitution, PublicInterestOrganization, LegalServiceAgency, Other, Total;

        public bool Add(ApplicantCounts row)
        {
            NaturalPerson += row.NaturalPerson;
            CommercialEnterprise += row.CommercialEnterprise;
            ResearchInstitution += row.ResearchInstitution;
            PublicInterestOrganization += row.PublicInterestOrganization;
            LegalServiceAgency += row.LegalServiceAgency;
            Other += row.Other;
            Total += row.Total;
            return Row(row);
        }

        public bool AddAll(List<ApplicantCounts> rows)
        {
            for (int i = 0; i < rows.Count; i++)
            {
                if (!Add(rows[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
