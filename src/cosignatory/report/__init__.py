"""The static HTML report (`cosignatory report --out DIR`)."""

from cosignatory.report.page import ReportSummary, build_report

__all__ = ["ReportSummary", "build_report"]
