// Security keys and passkeys (WebAuthn) on the forms marked data-webauthn="register" or "sign-in": on submit, fetch a
// challenge from the form's data-options address, ask the browser (navigator.credentials), put its answer as JSON into
// the form's hidden field "credential" and post the form as usual, so that the server answers with a page. Without
// this script, or without WebAuthn in the browser, the page itself says what to do instead (the code form, or the
// authenticator app); nothing here is needed for those.
(function () {
    'use strict';

    var forms = document.querySelectorAll('form[data-webauthn]');
    if (forms.length === 0) {
        return;
    }
    var messages = document.querySelector('[data-webauthn-messages]');
    var status = document.querySelector('[data-webauthn-status]');

    function say(key) {
        if (!status) {
            return;
        }
        status.textContent = messages ? messages.getAttribute('data-' + key) : key;
        status.hidden = false;
        if (key !== 'working') {
            status.className = 'notice notice--warning';
            status.focus();
        } else {
            status.className = 'notice';
        }
    }

    if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) {
        var unsupported = document.querySelector('[data-webauthn-unsupported]');
        if (unsupported) {
            unsupported.hidden = false;
        }
        forms.forEach(function (form) {
            form.querySelectorAll('button[type=submit]').forEach(function (button) {
                button.disabled = true;
            });
        });
        return;
    }

    function fromBase64url(text) {
        var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
        var binary = window.atob(base64);
        var bytes = new Uint8Array(binary.length);
        for (var i = 0; i < binary.length; i++) {
            bytes[i] = binary.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function toBase64url(buffer) {
        var bytes = new Uint8Array(buffer);
        var binary = '';
        for (var i = 0; i < bytes.length; i++) {
            binary += String.fromCharCode(bytes[i]);
        }
        return window.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function descriptors(list) {
        return (list || []).map(function (descriptor) {
            return Object.assign({}, descriptor, {id: fromBase64url(descriptor.id)});
        });
    }

    // The credential as JSON: binary values in base64url, as the platform reads them.
    function encoded(credential, response) {
        return {
            id: credential.id,
            rawId: toBase64url(credential.rawId),
            type: credential.type,
            response: response,
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
        };
    }

    function create(options) {
        var publicKey = Object.assign({}, options, {
            challenge: fromBase64url(options.challenge),
            user: Object.assign({}, options.user, {id: fromBase64url(options.user.id)}),
            excludeCredentials: descriptors(options.excludeCredentials)
        });
        return navigator.credentials.create({publicKey: publicKey}).then(function (credential) {
            var response = credential.response;
            return encoded(credential, {
                attestationObject: toBase64url(response.attestationObject),
                clientDataJSON: toBase64url(response.clientDataJSON),
                transports: response.getTransports ? response.getTransports() : []
            });
        });
    }

    function get(options) {
        var publicKey = Object.assign({}, options, {
            challenge: fromBase64url(options.challenge),
            allowCredentials: descriptors(options.allowCredentials)
        });
        return navigator.credentials.get({publicKey: publicKey}).then(function (credential) {
            var response = credential.response;
            return encoded(credential, {
                authenticatorData: toBase64url(response.authenticatorData),
                clientDataJSON: toBase64url(response.clientDataJSON),
                signature: toBase64url(response.signature),
                userHandle: response.userHandle ? toBase64url(response.userHandle) : null
            });
        });
    }

    forms.forEach(function (form) {
        var answer = form.querySelector('input[name=credential]');
        var button = form.querySelector('button[type=submit]');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var label = form.querySelector('input[name=label]');
            if (label && !label.value.trim()) {
                say('label');
                label.focus();
                return;
            }
            var register = form.getAttribute('data-webauthn') === 'register';
            var token = form.querySelector('input[name=_csrf]');
            button.disabled = true;
            say('working');
            fetch(form.getAttribute('data-options'), {
                method: 'POST',
                credentials: 'same-origin',
                headers: {'Accept': 'application/json', 'X-CSRF-TOKEN': token ? token.value : ''}
            }).then(function (response) {
                if (!response.ok) {
                    throw new Error('no challenge: HTTP ' + response.status);
                }
                return response.json();
            }).then(function (options) {
                return register ? create(options) : get(options);
            }).then(function (credential) {
                answer.value = JSON.stringify(credential);
                form.submit();
            }).catch(function (error) {
                button.disabled = false;
                var name = error && error.name;
                // InvalidStateError: the key already holds one of the account's keys (the options exclude them).
                say(name === 'NotAllowedError' || name === 'AbortError'
                    ? 'cancelled'
                    : name === 'InvalidStateError' ? 'registered' : 'failed');
            });
        });
    });
})();
