// Warns a signed-in person two minutes before their idle session ends (等保: 30 minutes for staff), and keeps it
// alive if they choose to continue. Without JavaScript the session simply ends and the next page asks to sign in.
(function () {
    var seconds = parseInt(document.body.getAttribute('data-session-seconds'), 10);
    var box = document.getElementById('session-warning');
    if (!seconds || !box) {
        return;
    }
    var warnTimer, endTimer;
    function schedule() {
        clearTimeout(warnTimer);
        clearTimeout(endTimer);
        warnTimer = setTimeout(warn, Math.max(0, seconds - 120) * 1000);
        endTimer = setTimeout(ended, seconds * 1000);
    }
    function warn() {
        box.textContent = '';
        var p = document.createElement('p');
        p.textContent = box.getAttribute('data-warning');
        var button = document.createElement('button');
        button.className = 'button';
        button.type = 'button';
        button.textContent = box.getAttribute('data-continue');
        button.addEventListener('click', function () {
            fetch('/account/keepalive', {credentials: 'same-origin'}).then(function (r) {
                if (r.ok) {
                    box.hidden = true;
                    schedule();
                } else {
                    ended();
                }
            });
        });
        box.appendChild(p);
        box.appendChild(button);
        box.className = 'container notice notice--warning';
        box.hidden = false;
        button.focus();
    }
    function ended() {
        box.textContent = box.getAttribute('data-ended');
        box.className = 'container notice notice--warning';
        box.hidden = false;
    }
    schedule();
})();
