package io.tribu.publishing.channel;

import io.tribu.platform.crypto.SecretCipher;
import io.tribu.publishing.config.PublishingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The keyring channel credentials are sealed with ({@code tribu.credentials.*}); a missing or bad one stops the start. */
@ApplicationScoped
class CredentialKeyring {

    @Produces
    @Singleton
    SecretCipher cipher(PublishingConfig config) {
        return new SecretCipher(config.credentials().keys(), config.credentials().activeKey());
    }
}
