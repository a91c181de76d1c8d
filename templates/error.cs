<?cs set:Page.Title = Lang.Error.title + " (" + Error.status + ")" ?>
<?cs include:"header.cs" ?>
<section class="notice error" role="alert">
<h2><?cs var:Lang.Error.title ?> (<?cs var:Error.status ?>)</h2>
<p id="error-message"><?cs var:Error.message ?></p>
</section>
<p><a href="?action=list"><?cs var:Lang.Back ?></a></p>
<?cs include:"footer.cs" ?>
