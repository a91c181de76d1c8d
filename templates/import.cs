<?cs set:Page.Title = Lang.Import.title ?>
<?cs include:"header.cs" ?>
<h2><?cs var:Lang.Import.title ?></h2>
<?cs if:Import.error ?>
<p class="notice error" id="import-error" role="alert"><?cs var:Lang.Import.failed ?> <?cs var:Import.error ?></p>
<?cs else ?>
<?cs if:Import.stored ?>
<section class="notice ok" id="import-done" role="status">
<p><?cs var:Lang.Import.taken ?></p>
<?cs if:Import.kept_hosts ?><p id="import-kept-hosts"><?cs var:Lang.Import.kept_hosts ?></p><?cs /if ?>
<?cs if:Import.apply ?><p class="<?cs var:Import.apply_kind ?>"><?cs var:Import.apply ?></p><?cs /if ?>
<p><?cs var:Lang.Import.kept ?> <code id="import-kept"><?cs var:Import.kept ?></code></p>
</section>
<?cs /if ?>
<?cs if:subcount(Import.File) > 0 ?>
<h3><?cs var:Lang.Import.about ?></h3>
<ul id="import-file"><?cs each:n = Import.File ?><li><?cs var:n.text ?></li><?cs /each ?></ul>
<?cs /if ?>
<?cs if:subcount(Import.Hosts) == 0 ?>
<p class="empty" id="import-none"><?cs var:Lang.Import.none ?></p>
<?cs else ?>
<table class="hosts" id="import-hosts">
<thead><tr><th><?cs var:Lang.Import.host ?></th><th><?cs var:Lang.Col.state ?></th></tr></thead>
<tbody>
<?cs each:h = Import.Hosts ?><tr class="<?cs if:h.refused == "1" ?>state-error<?cs else ?>state-ok<?cs /if ?>">
<td class="hostname"><?cs var:h.name ?></td>
<td><?cs if:subcount(h.Notes) == 0 ?>✓<?cs /if ?><ul><?cs each:n = h.Notes ?><li class="<?cs if:n.refused == "1" ?>refused<?cs else ?>dropped<?cs /if ?>"><?cs if:n.refused == "1" ?><?cs var:Lang.Import.refused ?><?cs else ?><?cs var:Lang.Import.dropped ?><?cs /if ?>: <?cs if:n.field ?><?cs var:n.field ?>: <?cs /if ?><?cs var:n.text ?></li><?cs /each ?></ul></td>
</tr>
<?cs /each ?></tbody>
</table>
<?cs /if ?>
<?cs /if ?>
<p><a class="button" href="?action=list"><?cs var:Lang.Back ?></a></p>
<?cs include:"footer.cs" ?>
