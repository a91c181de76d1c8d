<?cs set:Page.Title = Host.hostname ?>
<?cs include:"header.cs" ?>
<?cs if:Notice.done ?><section class="notice ok" role="status" id="notice"><p><?cs var:Notice.done ?></p></section><?cs /if ?>
<h2 id="host-title"><?cs var:Lang.HostPage.title ?> <span class="hostname"><?cs var:Host.hostname ?></span></h2>
<p class="intro"><?cs var:Lang.HostPage.intro ?></p>
<?cs if:Attempts.dns_error ?><p class="notice warn" id="dns-log-error"><?cs var:Lang.HostPage.dnsunreadable ?> <?cs var:Attempts.dns_error ?></p><?cs /if ?>
<?cs if:Attempts.error ?><p class="notice warn" id="attempts-error"><?cs var:Lang.HostPage.unreadable ?> <?cs var:Attempts.error ?></p><?cs /if ?>
<?cs if:Host.enabled != "1" ?><p class="notice" id="host-disabled"><?cs var:Lang.HostPage.disabled ?></p><?cs /if ?>
<?cs if:subcount(Next) > 0 ?><ul class="next" id="next">
<?cs each:n = Next ?><li class="next-<?cs var:n.kind ?>"><strong><?cs var:Lang.HostPage.next[n.kind] ?></strong> (<?cs var:n.family ?>): <?cs if:n.due ?><?cs var:Lang.HostPage.due ?><?cs else ?><?cs var:Lang.HostPage.after ?> <span class="when"><?cs var:n.when ?></span><?cs /if ?>. <span class="help"><?cs var:Lang.HostPage.help[n.kind] ?></span></li>
<?cs /each ?></ul><?cs /if ?>
<?cs if:subcount(Dns) > 0 ?><h3><?cs var:Lang.HostPage.dns ?></h3>
<ul class="dns" id="dns">
<?cs each:d = Dns ?><li class="dns-<?cs var:d.dns ?>"><span class="family"><?cs var:d.family ?>:</span> <?cs var:d.dns_text ?></li>
<?cs /each ?></ul><?cs if:Page.dns_check ?><form method="post" action="?action=dnscheck" id="dns-check"><input type="hidden" name="csrf_token" value="<?cs var:Page.Csrf ?>"><input type="hidden" name="id" value="<?cs var:Host.id ?>"><button type="submit"><?cs var:Lang.CheckDns ?></button></form><?cs /if ?><?cs /if ?>
<h3><?cs var:Lang.HostPage.timeline ?></h3>
<?cs if:subcount(Events) == 0 ?>
<p class="empty" id="timeline-empty"><?cs var:Lang.HostPage.empty ?></p>
<?cs else ?>
<ol class="timeline" id="timeline">
<?cs each:ev = Events ?><li class="event event-<?cs var:ev.type ?> event-<?cs var:ev.kind ?>"><span class="when"><?cs var:ev.when ?></span>
<?cs if:ev.type == "attempt" ?><strong><?cs var:Lang.HostPage.attempt ?></strong> (<?cs var:ev.family ?>)<?cs if:ev.ip ?>, <?cs var:Lang.HostPage.address ?> <span class="ip"><?cs var:ev.ip ?></span><?cs /if ?>:
<span class="answer"><?cs var:ev.text ?><?cs if:ev.code ?> (<?cs var:ev.code ?>)<?cs /if ?></span><?cs elif:ev.type == "dns" ?><strong><?cs var:Lang.HostPage.dnschange ?></strong> (<?cs var:ev.family ?>): <span class="dns-<?cs var:ev.kind ?>"><?cs var:ev.text ?></span><?cs if:ev.ip ?>, <?cs var:Lang.HostPage.answered ?> <span class="ip"><?cs var:ev.ip ?></span><?cs /if ?><?cs else ?><strong><?cs var:Lang.HostPage.change ?></strong> <?cs var:Lang.HostPage.by ?> <span class="user"><?cs var:ev.user ?></span>: <?cs var:ev.action ?><?cs if:ev.detail ?>; <?cs var:ev.detail ?><?cs /if ?><?cs /if ?></li>
<?cs /each ?></ol>
<?cs /if ?>
<?cs if:Host.more ?><p id="older"><a href="?action=history"><?cs var:Lang.HostPage.older ?></a></p><?cs /if ?>
<p><a class="button" href="?action=edit&amp;id=<?cs var:Host.id ?>"><?cs var:Lang.Modify ?></a> <a class="button" href="?action=list"><?cs var:Lang.Back ?></a></p>
<?cs include:"footer.cs" ?>
