"""Benchmarks of the MSI repository: medians and ratios against a baseline in the same run."""
