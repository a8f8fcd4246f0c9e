# Stand-in for the pip package counterfit-shims-grove, for tests (only the light sensor and the LED).
