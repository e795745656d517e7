/**
 * 国密 primitives over BouncyCastle: SM3 hashes and HMAC-SM3, SM4-GCM encryption of personal fields, and the keys
 * they use (from configuration in production, generated at first start for a single-node installation).
 */
@NamedInterface("crypto")
package org.zhengwu.shared.crypto;

import org.springframework.modulith.NamedInterface;
