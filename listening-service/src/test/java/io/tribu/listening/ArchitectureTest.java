package io.tribu.listening;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.tribu.platform.testing.ArchitectureRules;

/** Layer rules of the style guide (the platform's), checked on every build. */
@AnalyzeClasses(packages = "io.tribu.listening", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platformRules = ArchTests.in(ArchitectureRules.class);
}
