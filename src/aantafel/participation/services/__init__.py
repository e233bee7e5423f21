"""Every write of participation (PRODUCT.md P1, P2), one function per use case."""
