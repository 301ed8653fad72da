"""The offline HTML report: one self-contained file drawn from the warehouse's views."""
