<?cs include:"header.cs" ?>
<p class="intro"><?cs var:Lang.Intro ?></p>
<?cs if:Notice.done ?>
<section class="notice <?cs if:Notice.kind ?><?cs var:Notice.kind ?><?cs else ?>ok<?cs /if ?>" role="status" id="notice">
<p><?cs var:Notice.done ?> <?cs var:Notice.apply ?></p>
</section>
<?cs /if ?>
<?cs if:Daemon.text ?>
<p class="notice <?cs var:Daemon.kind ?>" id="daemon-state"><?cs var:Daemon.text ?></p>
<?cs /if ?>
<?cs if:Page.plain_http ?><p class="notice warn" id="plain-http"><?cs var:Lang.PlainHttp ?></p><?cs /if ?>
<?cs if:Daemon.apply_error ?>
<p class="notice error" id="apply-error"><?cs var:Daemon.apply_error ?></p>
<?cs /if ?>
<?cs if:Daemon.cache_error ?>
<p class="notice warn" id="cache-error"><?cs var:Lang.Daemon.cache ?>: <?cs var:Daemon.cache_error ?></p>
<?cs /if ?>
<?cs def:public(f, id) ?><li id="public-<?cs var:id ?>"><?cs var:Lang.PublicIp[id] ?>:
<?cs if:f.ip ?><strong class="ip"><?cs var:f.ip ?></strong> <span class="when">(<?cs var:Lang.PublicIp.checked ?> <?cs var:f.time ?>)</span><?cs elif:f.error ?><span class="error"><?cs var:Lang.PublicIp.failed ?> (<?cs var:f.time ?>): <?cs var:f.error ?>.</span><?cs else ?><?cs var:Lang.PublicIp.unknown ?><?cs /if ?></li>
<?cs /def ?>
<div class="public-ip" id="public-ip"><p><?cs var:Lang.PublicIp.label ?><?cs if:PublicIp.refreshing ?> <span class="refreshing">— <?cs var:Lang.PublicIp.refreshing ?></span><?cs /if ?></p>
<ul>
<?cs call:public(PublicIp.v4, "ipv4") ?>
<?cs if:PublicIp.v6.checked ?><?cs call:public(PublicIp.v6, "ipv6") ?><?cs /if ?>
</ul>
</div>
<?cs def:words(n, w) ?><?cs if:n == "1" ?><?cs var:w.one ?><?cs else ?><?cs var:w.other ?><?cs /if ?><?cs /def ?>
<?cs def:count(n, w) ?><?cs var:n ?> <?cs call:words(n, w) ?><?cs /def ?>
<?cs def:group(n, w, name) ?><?cs if:n != "0" ?><a href="?action=list&amp;state=<?cs var:name ?>"><?cs call:count(n, w) ?></a><?cs else ?><?cs call:count(n, w) ?><?cs /if ?><?cs /def ?>
<div class="toolbar"><p><a class="button primary" id="create" href="?action=edit"><?cs var:Lang.Create ?></a> <a class="button" id="show-config" href="?action=config"><?cs var:Lang.ConfigPage.link ?></a></p>
<form class="search" method="get" role="search"><input type="hidden" name="action" value="list">
<label for="f-q"><?cs var:Lang.Search.label ?></label> <input id="f-q" name="q" type="search" value="<?cs var:Search.q ?>" maxlength="100"> <button type="submit"><?cs var:Lang.Search.go ?></button></form></div>
<p class="summary" id="summary"><?cs call:count(Summary.total, Lang.Summary.host) ?><?cs if:Search.q ?> <?cs call:words(Summary.total, Lang.Summary.matching) ?><?cs /if ?>: <?cs call:group(Summary.ok, Lang.Summary.ok, "ok") ?>, <?cs call:group(Summary.failing, Lang.Summary.failing, "failing") ?>, <?cs call:group(Summary.waiting, Lang.Summary.waiting, "waiting") ?><?cs if:Summary.disabled != "0" ?>, <?cs call:group(Summary.disabled, Lang.Summary.disabled, "disabled") ?><?cs /if ?>.<?cs if:Summary.only ?> <a id="show-all" href="?action=list"><?cs var:Lang.Summary.all ?></a><?cs /if ?><?cs if:Summary.waiting != "0" ?> <a id="refresh" href="?action=list<?cs if:Paging.page > 1 ?>&amp;page=<?cs var:Paging.page ?><?cs /if ?><?cs if:Search.q ?>&amp;q=<?cs escape:"url" ?><?cs var:Search.q ?><?cs /escape ?><?cs /if ?>"><?cs var:Lang.Refresh ?></a><?cs /if ?></p>

<?cs if:Page.dns_check ?><form method="post" action="?action=dnscheck" id="dns-check"><input type="hidden" name="csrf_token" value="<?cs var:Page.Csrf ?>"><button type="submit"><?cs var:Lang.CheckDns ?></button></form><?cs /if ?>
<?cs if:Import.offer ?><form method="post" action="?action=import" id="import"><p><?cs var:Lang.Import.offer ?></p><input type="hidden" name="csrf_token" value="<?cs var:Page.Csrf ?>"><button type="submit"><?cs var:Lang.Import.button ?></button></form><?cs /if ?>
<?cs if:subcount(Hosts) == 0 ?>
<p class="empty" id="empty"><?cs var:Lang.Empty ?></p>
<?cs else ?>
<form method="post" action="?action=list" id="host-actions"><input type="hidden" name="csrf_token" value="<?cs var:Page.Csrf ?>">
<table class="hosts">
<thead><tr>
<th><?cs var:Lang.Col.state ?></th><th><?cs var:Lang.Col.hostname ?></th><th><?cs var:Lang.Col.provider ?></th><th><?cs var:Lang.Col.address ?></th><th><?cs var:Lang.Col.updated ?></th><th><?cs var:Lang.Col.description ?></th><th><?cs var:Lang.Col.actions ?></th>
</tr></thead>
<tbody>
<?cs each:h = Hosts ?><tr id="host-<?cs var:h.id ?>" class="state-<?cs var:h.State.kind ?>">
<td class="state" data-label="<?cs var:Lang.Col.state ?>"><span class="badge badge-<?cs var:h.State.kind ?>"><?cs var:Lang.Badge[h.State.kind] ?></span></td>
<td class="hostname" data-label="<?cs var:Lang.Col.hostname ?>"><a href="?action=host&amp;id=<?cs var:h.id ?>"><?cs each:l = h.labels ?><span class="label"><?cs var:l ?></span><wbr><?cs /each ?></a></td>
<td class="provider" data-label="<?cs var:Lang.Col.provider ?>"><?cs var:h.provider ?></td>
<td class="address" data-label="<?cs var:Lang.Col.address ?>"><span class="status"><?cs var:h.State.text ?><?cs if:h.State.why ?> <?cs var:h.State.field ?>: <?cs var:h.State.why ?><?cs /if ?></span>
<?cs each:f = h.State.Fam ?><span class="fam"><span class="family"><?cs var:f.name ?>:</span> <?cs if:f.ip ?><span class="ip"><?cs var:f.ip ?></span><?cs if:f.insync == "1" ?> <span class="sync ok">✓<span class="vh"> <?cs if:Page.sources ?><?cs var:Lang.State.insync_source ?><?cs else ?><?cs var:Lang.State.insync ?><?cs /if ?></span></span><?cs elif:f.insync == "0" ?> <span class="sync bad">≠ <?cs if:Page.sources ?><?cs var:Lang.State.outofsync_source ?><?cs else ?><?cs var:Lang.State.outofsync ?><?cs /if ?></span><?cs /if ?><?cs /if ?><?cs if:f.text ?> <span class="fam-<?cs var:f.kind ?>"><?cs var:f.text ?><?cs if:f.status ?> (<?cs var:f.status ?>)<?cs /if ?></span><?cs elif:f.status ?> <span class="fam-error"><?cs var:Lang.State.answer ?> <?cs var:f.status ?></span><?cs /if ?><?cs if:f.dns ?> <span class="dns-<?cs var:f.dns ?>"><?cs var:f.dns_text ?></span><?cs /if ?></span>
<?cs /each ?></td>
<td class="when" data-label="<?cs var:Lang.Col.updated ?>"><?cs if:h.State.mtime ?><span class="updated" title="<?cs var:h.State.mtime ?>"><?cs var:h.State.ago ?></span><?cs elif:h.State.atime ?><?cs var:Lang.Never ?><?cs /if ?><?cs if:h.State.atime ?><span class="attempt"><?cs var:Lang.State.attempt ?>: <?cs var:h.State.atime ?></span><?cs /if ?></td>
<td class="description" data-label="<?cs var:Lang.Col.description ?>"><?cs var:h.description ?></td>
<td class="actions" data-label="<?cs var:Lang.Col.actions ?>">
<a class="button" href="?action=edit&amp;id=<?cs var:h.id ?>"><?cs var:Lang.Modify ?></a>
<?cs if:h.enabled == "1" ?><button type="submit" formaction="?action=update" name="id" value="<?cs var:h.id ?>"><?cs var:Lang.UpdateNow ?></button><?cs else ?><button type="submit" formaction="?action=enable" name="id" value="<?cs var:h.id ?>"><?cs var:Lang.Enable ?></button><?cs /if ?>
<details class="menu"><summary title="<?cs var:Lang.More ?>"><span aria-hidden="true">⋯</span></summary><div class="menu-items">
<?cs if:h.enabled == "1" ?><button type="submit" formaction="?action=disable" name="id" value="<?cs var:h.id ?>"><?cs var:Lang.Disable ?></button><?cs /if ?>
<a class="button" href="?action=edit&amp;copy=<?cs var:h.id ?>"><?cs var:Lang.Copy ?></a>
<a class="button danger" href="?action=delete&amp;id=<?cs var:h.id ?>"><?cs var:Lang.Delete ?></a></div></details>
</td>
</tr>
<?cs /each ?></tbody>
</table>
</form>
<?cs if:Paging.pages > 1 ?><nav class="paging" id="paging" aria-label="<?cs var:Lang.Paging.label ?>">
<?cs if:Paging.prev ?><a href="?action=list&amp;page=<?cs var:Paging.prev ?><?cs if:Summary.only ?>&amp;state=<?cs var:Summary.only ?><?cs /if ?><?cs if:Search.q ?>&amp;q=<?cs escape:"url" ?><?cs var:Search.q ?><?cs /escape ?><?cs /if ?>" rel="prev"><?cs var:Lang.Paging.prev ?></a><?cs /if ?>
<span><?cs var:Lang.Paging.page ?> <?cs var:Paging.page ?> / <?cs var:Paging.pages ?></span>
<?cs if:Paging.next ?><a href="?action=list&amp;page=<?cs var:Paging.next ?><?cs if:Summary.only ?>&amp;state=<?cs var:Summary.only ?><?cs /if ?><?cs if:Search.q ?>&amp;q=<?cs escape:"url" ?><?cs var:Search.q ?><?cs /escape ?><?cs /if ?>" rel="next"><?cs var:Lang.Paging.next ?></a><?cs /if ?>
</nav><?cs /if ?>
<?cs /if ?>
<?cs if:subcount(Kept) > 0 ?>
<section id="kept"><h3><?cs var:Lang.Kept.title ?></h3>
<p><?cs var:Lang.Kept.about ?></p>
<table class="hosts" id="kept-hosts">
<thead><tr><th><?cs var:Lang.Col.hostname ?></th><th><?cs var:Lang.Col.state ?></th></tr></thead>
<tbody>
<?cs each:k = Kept ?><tr class="kept">
<td class="hostname" data-label="<?cs var:Lang.Col.hostname ?>"><?cs var:k.name ?></td>
<td class="state" data-label="<?cs var:Lang.Col.state ?>"><span class="status"><?cs var:Lang.Kept.why ?><?cs if:k.why ?>: <?cs var:k.why ?><?cs /if ?></span>
<?cs if:k.ip ?><br><?cs var:Lang.State.address ?>: <span class="ip"><?cs var:k.ip ?></span><?cs /if ?><?cs if:k.status ?> (<?cs var:Lang.State.answer ?> <?cs var:k.status ?>)<?cs /if ?>
<?cs if:k.mtime ?><br><?cs var:Lang.Col.updated ?>: <?cs var:k.mtime ?><?cs /if ?>
</td></tr>
<?cs /each ?></tbody>
</table></section>
<?cs /if ?>
<?cs include:"footer.cs" ?>
