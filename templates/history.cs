<?cs set:Page.Title = Lang.HistoryPage.title ?>
<?cs include:"header.cs" ?>
<h2><?cs var:Lang.HistoryPage.title ?></h2>
<?cs if:subcount(History) == 0 ?>
<p class="empty"><?cs var:Lang.HistoryPage.empty ?></p>
<?cs else ?>
<div class="scroll" tabindex="0" role="region" aria-label="<?cs var:Lang.HistoryPage.title ?>">
<table class="history">
<thead><tr><th><?cs var:Lang.HistoryPage.when ?></th><th><?cs var:Lang.HistoryPage.user ?></th><th><?cs var:Lang.HistoryPage.action ?></th><th><?cs var:Lang.HistoryPage.hostname ?></th><th><?cs var:Lang.HistoryPage.detail ?></th></tr></thead>
<tbody>
<?cs each:a = History ?><tr><td><?cs var:a.when ?></td><td><?cs var:a.user ?></td><td><?cs var:a.action ?></td><td><?cs var:a.hostname ?></td><td><?cs var:a.detail ?></td></tr>
<?cs /each ?></tbody>
</table>
</div>
<?cs /if ?>
<p class="paging"><?cs if:Paging.prev ?><a href="?action=history&amp;page=<?cs var:Paging.prev ?>"><?cs var:Lang.HistoryPage.newer ?></a> <?cs /if ?><?cs if:Paging.next ?><a href="?action=history&amp;page=<?cs var:Paging.next ?>"><?cs var:Lang.HistoryPage.older ?></a><?cs /if ?></p>
<?cs include:"footer.cs" ?>
