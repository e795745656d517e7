package org.zhengwu.licence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the licence module.
 *
 * @param verificationUrl the public address of the verification page that each licence's QR code leads to
 *                        ({@code ZHENGWU_LICENCE_VERIFICATION_URL}); empty: the platform's public address
 *                        ({@code ZHENGWU_ISSUER}, required in production) followed by {@code /licences/verification}
 */
@ConfigurationProperties("zhengwu.licence")
public record LicenceProperties(@DefaultValue("") String verificationUrl) {}
