<?cs set:Page.Title = Lang.Confirm.title ?>
<?cs include:"header.cs" ?>
<h2><?cs var:Lang.Confirm.title ?></h2>
<?cs if:Conflict.message ?><section class="notice error" role="alert" id="conflict">
<p><?cs var:Conflict.message ?></p>
<p><?cs var:Lang.Conflict.delete ?></p>
</section><?cs /if ?>
<p class="confirm-host"><strong><?cs var:Host.hostname ?></strong><?cs if:Host.description ?> — <?cs var:Host.description ?><?cs /if ?></p>
<p><?cs var:Lang.Confirm.text ?></p>
<form method="post" action="?action=delete">
<input type="hidden" name="csrf_token" value="<?cs var:Page.Csrf ?>">
<input type="hidden" name="id" value="<?cs var:Host.id ?>">
<input type="hidden" name="version" value="<?cs var:Host.version ?>">
<button type="submit" class="danger"><?cs var:Lang.Delete ?></button>
<a class="button" href="?action=list"><?cs var:Lang.Cancel ?></a>
</form>
<?cs include:"footer.cs" ?>
