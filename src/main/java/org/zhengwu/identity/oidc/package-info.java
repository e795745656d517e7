/**
 * The OpenID Connect provider (Spring Authorization Server): single sign-on for the portal and every connected
 * department system (单点登录、全网通办), signing keys, token claims, consent and client registration.
 */
package org.zhengwu.identity.oidc;
