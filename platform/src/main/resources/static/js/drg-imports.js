// 病例导入: posts the chosen file as the raw request body (no multipart size limit), with the CSRF
// token in its header, shows the upload's progress, then opens the batch's progress (polled by htmx).
(function () {
  const form = document.getElementById('drg-upload');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) {
      return;
    }
    const xlsx = file.name.toLowerCase().endsWith('.xlsx');
    const charset = form.querySelector('select[name=charset]').value;
    const status = document.getElementById('drg-upload-status');
    const bar = document.getElementById('drg-upload-bar');
    const button = form.querySelector('button');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.dataset.url + '?fileName=' + encodeURIComponent(file.name)
      + (xlsx ? '' : '&charset=' + encodeURIComponent(charset)));
    xhr.setRequestHeader('Content-Type', xlsx
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv');
    xhr.setRequestHeader(form.dataset.csrfHeader, form.dataset.csrfToken);
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        bar.value = Math.floor(e.loaded * 100 / e.total);
      }
    };
    xhr.onload = function () {
      if (xhr.status === 202) {
        status.textContent = form.dataset.sent;
        const batch = JSON.parse(xhr.responseText);
        window.location.href = form.dataset.page + '?batch=' + batch.id;
        return;
      }
      let detail = String(xhr.status);
      try {
        detail = JSON.parse(xhr.responseText).detail || detail;
      } catch (ignored) {
        // not a problem document
      }
      status.textContent = form.dataset.failed + detail;
      button.disabled = false;
      bar.hidden = true;
    };
    xhr.onerror = function () {
      status.textContent = form.dataset.failed + 'network';
      button.disabled = false;
    };
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    status.textContent = form.dataset.sending;
    xhr.send(file);
  });
}());
