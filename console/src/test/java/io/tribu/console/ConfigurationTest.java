package io.tribu.console;

import io.tribu.platform.testing.ConfigurationChecks;

/**
 * ConsoleConfig is the one declaration of the console's {@code tribu.console.*} settings: application.properties sets
 * no key it does not know nor repeats its defaults, and the README's table is written from it.
 */
class ConfigurationTest extends ConfigurationChecks {

    @Override
    protected Class<?> mapping() {
        return ConsoleConfig.class;
    }
}
